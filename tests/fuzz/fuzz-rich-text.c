/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Any Markdown reads as rich text whose canonical Markdown reads again.
 * EE_FUZZ_STRICT=1 also asks that it read back as the same rich text from
 * the second reading on, EE_FUZZ_STRICT=2 from the first (see
 * fuzz-import.c for why neither is asked by default).
 */
#include <stdlib.h>

#include "ee-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_fixpoint (EeRichText *text)
{
  const char *markdown = ee_rich_text_get_markdown (text);
  g_autoptr(EeRichText) again = ee_rich_text_new_from_markdown (markdown, -1);

  if (!ee_rich_text_equal (text, again) || g_strcmp0 (ee_rich_text_get_markdown (again), markdown) != 0)
    {
      g_printerr ("not a fixpoint:\n%s\n---\n%s\n", markdown, ee_rich_text_get_markdown (again));
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const char *strict = g_getenv ("EE_FUZZ_STRICT");
  int level = strict ? atoi (strict) : 0;
  g_autoptr(EeRichText) text = NULL;
  g_autoptr(EeRichText) again = NULL;

  if (size > 65536)
    return 0;
  text = ee_rich_text_new_from_markdown ((const char *) data, size);
  again = ee_rich_text_new_from_markdown (ee_rich_text_get_markdown (text), -1);
  g_assert_nonnull (ee_rich_text_get_markdown (again));
  if (level >= 2)
    check_fixpoint (text);
  if (level >= 1)
    check_fixpoint (again);
  return 0;
}
