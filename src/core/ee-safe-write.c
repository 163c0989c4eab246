/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "ee-safe-write.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * Writing a file so that a failure changes nothing: the new contents go to
 * a temporary file beside the old one, are flushed to the disk, and only
 * then renamed over it.  The old version stays as "NAME~" (a second link to
 * it, which takes no space), and the file keeps its permissions.
 *
 * GIO's g_file_replace() does not do for this: where it cannot make its
 * temporary file or its backup (a full disk), it falls back to writing over
 * the file in place, and a failed write then leaves it empty.
 */

/* "Could not write “FILE”: REASON", or "… in the folder …" for @folder. */
static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path,
                 gboolean     folder)
{
  g_autofree char *display = g_filename_display_name (path);

  if (folder)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "Could not write in the folder “%s”: %s",
                 display, g_strerror (saved_errno));
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "Could not write “%s”: %s",
                 display, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int            fd,
           const guint8  *data,
           gsize          length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, MIN (length, (gsize) G_MAXSSIZE));

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += written;
      length -= written;
    }
  return TRUE;
}

static char *
etag_of (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                                                 NULL, NULL);

  return info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

static gboolean
write_local (const char  *path,
             GBytes      *contents,
             gboolean     backup,
             char       **new_etag,
             GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *template = g_strdup_printf ("%s%c.%s.XXXXXX", folder, G_DIR_SEPARATOR, base);
  g_autofree char *backup_path = g_strconcat (path, "~", NULL);
  gsize length;
  const guint8 *data = g_bytes_get_data (contents, &length);
  GStatBuf old;
  gboolean exists = g_stat (path, &old) == 0;
  int fd;
  int saved_errno;

  if (exists && !S_ISREG (old.st_mode))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "“%s” is not a regular file", display);
      return FALSE;
    }

  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, exists ? (old.st_mode & 07777) : 0666);
  if (fd < 0)
    return set_errno_error (error, errno, folder, TRUE);

  /* The file keeps its permissions; a new one gets what the umask leaves
   * of 0666, as open() gives. */
  if (exists && fchmod (fd, old.st_mode & 07777) != 0)
    goto failed;
  if (!write_all (fd, data, length) || fsync (fd) != 0)
    goto failed;
  if (close (fd) != 0)
    {
      fd = -1;
      goto failed;
    }
  fd = -1;

  if (exists && backup)
    {
      /* The old version, kept by a second name; without hard links (some
       * file systems), by a copy. */
      g_unlink (backup_path);
      if (link (path, backup_path) != 0)
        {
          g_autoptr(GFile) from = g_file_new_for_path (path);
          g_autoptr(GFile) to = g_file_new_for_path (backup_path);

          if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE | G_FILE_COPY_ALL_METADATA, NULL, NULL, NULL, error))
            {
              g_unlink (template);
              return FALSE;
            }
        }
    }

  if (g_rename (template, path) != 0)
    goto failed;

  if (new_etag != NULL)
    *new_etag = etag_of (path);
  return TRUE;

failed:
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (template);
  return set_errno_error (error, saved_errno, path, FALSE);
}

/**
 * ee_safe_write:
 * @backup: keep the old version as "NAME~"
 * @new_etag: (out) (optional): the entity tag of the file written
 *
 * Writes @contents to @file so that the file is either as it was or holds
 * all of @contents, whatever fails.
 */
gboolean
ee_safe_write (GFile         *file,
               GBytes        *contents,
               gboolean       backup,
               char         **new_etag,
               GCancellable  *cancellable,
               GError       **error)
{
  const char *path;
  gsize length;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  path = g_file_peek_path (file);
  if (path != NULL)
    return write_local (path, contents, backup, new_etag, error);

  /* Other places (GVfs) write through GIO, which they implement. */
  data = g_bytes_get_data (contents, &length);
  return g_file_replace_contents (file, data, length, NULL, backup, G_FILE_CREATE_NONE, new_etag, cancellable,
                                  error);
}

typedef struct {
  GBytes   *contents;
  gboolean  backup;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *write = data;

  g_bytes_unref (write->contents);
  g_free (write);
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *write = task_data;
  GError *error = NULL;
  char *etag = NULL;

  if (ee_safe_write (G_FILE (source), write->contents, write->backup, &etag, cancellable, &error))
    g_task_return_pointer (task, etag, g_free);
  else
    g_task_return_error (task, error);
}

/**
 * ee_safe_write_async:
 *
 * Does ee_safe_write() in a worker thread.
 */
void
ee_safe_write_async (GFile               *file,
                     GBytes              *contents,
                     gboolean             backup,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *write;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (contents != NULL);

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, ee_safe_write_async);
  write = g_new0 (WriteData, 1);
  write->contents = g_bytes_ref (contents);
  write->backup = backup;
  g_task_set_task_data (task, write, write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
ee_safe_write_finish (GFile         *file,
                      GAsyncResult  *result,
                      char         **new_etag,
                      GError       **error)
{
  char *etag;

  g_return_val_if_fail (g_task_is_valid (result, file), FALSE);

  /* The entity tag can be NULL without an error. */
  if (g_task_had_error (G_TASK (result)))
    {
      g_task_propagate_pointer (G_TASK (result), error);
      return FALSE;
    }
  etag = g_task_propagate_pointer (G_TASK (result), NULL);
  if (new_etag != NULL)
    *new_etag = etag;
  else
    g_free (etag);
  return TRUE;
}
