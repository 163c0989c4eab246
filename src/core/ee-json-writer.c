/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "ee-json-writer.h"

struct _EeJsonWriter {
  GString  *out;
  GArray   *counts;        /* values written so far in each open container */
  gboolean  after_member;  /* a member name was written; its value follows */
};

EeJsonWriter *
ee_json_writer_new (void)
{
  EeJsonWriter *writer = g_new0 (EeJsonWriter, 1);

  writer->out = g_string_sized_new (65536);
  writer->counts = g_array_new (FALSE, FALSE, sizeof (guint));
  return writer;
}

static void
indent (EeJsonWriter *writer, guint level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (writer->out, "  ");
}

/* Where a value starts: after its member name, or on a line of its own in
 * a list. */
static void
begin_value (EeJsonWriter *writer)
{
  guint *count;

  if (writer->after_member || writer->counts->len == 0)
    {
      writer->after_member = FALSE;
      return;
    }
  count = &g_array_index (writer->counts, guint, writer->counts->len - 1);
  if (*count > 0)
    g_string_append_c (writer->out, ',');
  g_string_append_c (writer->out, '\n');
  indent (writer, writer->counts->len);
  (*count)++;
}

static void
begin_container (EeJsonWriter *writer, char open)
{
  guint zero = 0;

  begin_value (writer);
  g_string_append_c (writer->out, open);
  g_array_append_val (writer->counts, zero);
}

static void
end_container (EeJsonWriter *writer, char close)
{
  guint count = g_array_index (writer->counts, guint, writer->counts->len - 1);

  g_array_set_size (writer->counts, writer->counts->len - 1);
  if (count > 0)
    {
      g_string_append_c (writer->out, '\n');
      indent (writer, writer->counts->len);
    }
  g_string_append_c (writer->out, close);
}

void
ee_json_writer_begin_object (EeJsonWriter *writer)
{
  begin_container (writer, '{');
}

void
ee_json_writer_end_object (EeJsonWriter *writer)
{
  end_container (writer, '}');
}

void
ee_json_writer_begin_array (EeJsonWriter *writer)
{
  begin_container (writer, '[');
}

void
ee_json_writer_end_array (EeJsonWriter *writer)
{
  end_container (writer, ']');
}

static void
write_string (GString *out, const char *s)
{
  const char *span = s;

  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      unsigned char c = (unsigned char) *p;
      const char *escape;
      char buf[8];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, span, p - span);
      span = p + 1;
      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\t': escape = "\\t"; break;
        case '\r': escape = "\\r"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          g_snprintf (buf, sizeof buf, "\\u%04x", c);
          escape = buf;
        }
      g_string_append (out, escape);
    }
  g_string_append (out, span);
  g_string_append_c (out, '"');
}

void
ee_json_writer_member (EeJsonWriter *writer,
                       const char   *name)
{
  begin_value (writer);
  write_string (writer->out, name);
  g_string_append (writer->out, ": ");
  writer->after_member = TRUE;
}

void
ee_json_writer_string (EeJsonWriter *writer,
                       const char   *value)
{
  begin_value (writer);
  write_string (writer->out, value);
}

void
ee_json_writer_boolean (EeJsonWriter *writer,
                        gboolean      value)
{
  begin_value (writer);
  g_string_append (writer->out, value ? "true" : "false");
}

void
ee_json_writer_int (EeJsonWriter *writer,
                    gint64        value)
{
  begin_value (writer);
  g_string_append_printf (writer->out, "%" G_GINT64_FORMAT, value);
}

/**
 * ee_json_writer_finish:
 *
 * Frees the writer.
 *
 * Returns: (transfer full): what was written, with a trailing newline
 */
GBytes *
ee_json_writer_finish (EeJsonWriter *writer)
{
  GString *out = writer->out;

  g_assert (writer->counts->len == 0);
  g_string_append_c (out, '\n');
  g_array_unref (writer->counts);
  g_free (writer);
  return g_string_free_to_bytes (out);
}
