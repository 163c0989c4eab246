/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Writes a JSON tree the same way every time: members in the order they
 * were added, two-space indentation, "key": value, UTF-8 as is, and a
 * trailing newline. */
char *ee_json_write (JsonNode *root,
                     gsize    *length);

G_END_DECLS
