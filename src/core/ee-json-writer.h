/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Writes JSON as it goes, the same way every time: members in the order
 * written, two-space indentation, "key": value, UTF-8 as is, and a trailing
 * newline.  Project files are written with it straight from the model.
 */
typedef struct _EeJsonWriter EeJsonWriter;

EeJsonWriter *ee_json_writer_new          (void);
void          ee_json_writer_begin_object (EeJsonWriter *writer);
void          ee_json_writer_end_object   (EeJsonWriter *writer);
void          ee_json_writer_begin_array  (EeJsonWriter *writer);
void          ee_json_writer_end_array    (EeJsonWriter *writer);
void          ee_json_writer_member       (EeJsonWriter *writer,
                                           const char   *name);
void          ee_json_writer_string       (EeJsonWriter *writer,
                                           const char   *value);
void          ee_json_writer_boolean      (EeJsonWriter *writer,
                                           gboolean      value);
void          ee_json_writer_int          (EeJsonWriter *writer,
                                           gint64        value);
GBytes       *ee_json_writer_finish       (EeJsonWriter *writer);

G_END_DECLS
