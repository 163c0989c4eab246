/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "ee-document.h"

G_BEGIN_DECLS

typedef enum {
  EE_FILE_KIND_PROJECT,
  EE_FILE_KIND_PAGE,
} EeFileKind;

EeFileKind  ee_loader_guess_kind  (const char  *name,
                                   GBytes      *contents);
EeDocument *ee_loader_load_bytes  (GBytes      *contents,
                                   EeFileKind   kind,
                                   GError     **error);
EeDocument *ee_loader_load_file   (GFile       *file,
                                   GError     **error);
void        ee_loader_load_file_async  (GFile               *file,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
EeDocument *ee_loader_load_file_finish (GFile               *file,
                                        GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
