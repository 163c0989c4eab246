/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "ee-document.h"

G_BEGIN_DECLS

#define EE_PROJECT_FORMAT  "ldt4ssc-ecosystem-page"
/* Version 2 adds the hub-folder layout ("layout", "page.cards-title",
 * "page.cards-trailing",
 * clusters' "card", logos' "attributes"); a file without them is written as
 * version 1. */
#define EE_PROJECT_VERSION 2
/* Project files and pages larger than this are refused, politely. */
#define EE_MAX_FILE_SIZE   (100 * 1024 * 1024)

#define EE_PROJECT_ERROR (ee_project_error_quark ())

typedef enum {
  EE_PROJECT_ERROR_EMPTY,
  EE_PROJECT_ERROR_TOO_LARGE,
  EE_PROJECT_ERROR_NOT_JSON,
  EE_PROJECT_ERROR_STRUCTURE,
  EE_PROJECT_ERROR_NEWER_VERSION,
  EE_PROJECT_ERROR_NOT_HUB_PAGE,
} EeProjectError;

GQuark      ee_project_error_quark (void);

EeDocument *ee_project_load_bytes  (GBytes      *bytes,
                                    GError     **error);
EeDocument *ee_project_load_file   (GFile       *file,
                                    GError     **error);
GBytes     *ee_project_save_bytes  (EeDocument  *document);

G_END_DECLS
