/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ee-core.h"

G_BEGIN_DECLS

typedef enum {
  /* Text like the hub's: words, some bold, links, bullet lists. */
  EE_GEN_REALISTIC,
  /* Text built to break Markdown: every special character, Unicode and
   * emoji, empty fields, long lists, line breaks in odd places. */
  EE_GEN_HOSTILE,
} EeGenStyle;

EeDocument *ee_test_generate_document (guint32    seed,
                                       guint      n_initiatives,
                                       EeGenStyle style);
EeRichText *ee_test_generate_rich_text (GRand     *rand,
                                        EeGenStyle style,
                                        guint      max_blocks);

G_END_DECLS
