/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "ee-document.h"

G_BEGIN_DECLS

#define EE_TYPE_DRAFT (ee_draft_get_type ())
G_DECLARE_FINAL_TYPE (EeDraft, ee_draft, EE, DRAFT, GObject)

char       *ee_draft_get_folder   (void);
EeDraft    *ee_draft_new          (void);
GPtrArray  *ee_draft_list         (void);
const char *ee_draft_get_id       (EeDraft     *self);
const char *ee_draft_get_name     (EeDraft     *self);
GFile      *ee_draft_get_origin   (EeDraft     *self);
GDateTime  *ee_draft_get_time     (EeDraft     *self);
gboolean    ee_draft_save         (EeDraft     *self,
                                   EeDocument  *document,
                                   GFile       *origin,
                                   const char  *name,
                                   GError     **error);
void        ee_draft_save_async   (EeDraft             *self,
                                   EeDocument          *document,
                                   GFile               *origin,
                                   const char          *name,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
gboolean    ee_draft_save_finish  (EeDraft             *self,
                                   GAsyncResult        *result,
                                   GError             **error);
EeDocument *ee_draft_load         (EeDraft     *self,
                                   GError     **error);
void        ee_draft_discard      (EeDraft     *self);

G_END_DECLS
