/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "ee-core.h"

/* Writing files so that a failure changes nothing (the full disk and the
 * read-only file system are in tests/gui, under small-disks.sh). */

static char *
write_text (GFile      *file,
            const char *text,
            gboolean    backup,
            GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  char *etag = NULL;

  if (!ee_safe_write (file, bytes, backup, &etag, NULL, error))
    return NULL;
  return etag;
}

static void
test_replace_keeps_mode_and_backup (void)
{
  g_autofree char *folder = g_dir_make_tmp ("ee-safe-write-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "pâge with spaces.json", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *text = NULL;
  g_autofree char *old = NULL;
  g_autoptr(GDir) dir = NULL;
  GStatBuf buf;
  guint n = 0;

  first = write_text (file, "first\n", TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  second = write_text (file, "second\n", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second, !=, first);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "second\n");
  g_assert_true (g_file_get_contents (backup, &old, NULL, NULL));
  g_assert_cmpstr (old, ==, "first\n");
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 07777, ==, 0640);

  /* Nothing else is left in the folder. */
  dir = g_dir_open (folder, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 2);

  g_unlink (path);
  g_unlink (backup);
  g_rmdir (folder);
}

static void
test_errors (void)
{
  g_autofree char *folder = g_dir_make_tmp ("ee-safe-write-XXXXXX", NULL);
  g_autofree char *missing_path = g_build_filename (folder, "no such folder", "page.json", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GFile) directory = g_file_new_for_path (folder);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  etag = write_text (missing, "text", TRUE, &error);
  g_assert_null (etag);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "Could not write in the folder “"));
  g_clear_error (&error);

  etag = write_text (directory, "text", TRUE, &error);
  g_assert_null (etag);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_rmdir (folder);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/safe-write/replace-keeps-mode-and-backup", test_replace_keeps_mode_and_backup);
  g_test_add_func ("/safe-write/errors", test_errors);

  return g_test_run ();
}
