/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean ee_safe_write        (GFile                *file,
                               GBytes               *contents,
                               gboolean              backup,
                               char                **new_etag,
                               GCancellable         *cancellable,
                               GError              **error);
void     ee_safe_write_async  (GFile                *file,
                               GBytes               *contents,
                               gboolean              backup,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data);
gboolean ee_safe_write_finish (GFile                *file,
                               GAsyncResult         *result,
                               char                **new_etag,
                               GError              **error);

G_END_DECLS
