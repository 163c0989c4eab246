/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * EeRichText:
 *
 * The value of a rich-text field: an immutable, reference-counted list of
 * blocks (paragraphs, bullet points with one nested level, and blocks kept
 * exactly as written).  Paragraphs and bullets hold runs of text with marks
 * (bold, italic, code), an optional link target, and a "\n" inside a run
 * stands for a line break.
 *
 * Every value is canonical: the builder merges and trims runs, turns URLs
 * typed as text into links and drops empty blocks, so two values that render
 * the same compare equal, and ee_rich_text_get_markdown() is a fixpoint of
 * ee_rich_text_new_from_markdown().
 */
typedef struct _EeRichText EeRichText;

typedef enum {
  EE_BLOCK_PARAGRAPH,
  EE_BLOCK_BULLET,
  EE_BLOCK_RAW,
} EeBlockKind;

typedef enum {
  EE_MARK_NONE   = 0,
  EE_MARK_BOLD   = 1 << 0,
  EE_MARK_ITALIC = 1 << 1,
  EE_MARK_CODE   = 1 << 2,
  /* The run is inline Markdown kept exactly as written (an inline image or
   * HTML tag the model has no place for). */
  EE_MARK_RAW    = 1 << 3,
} EeMarks;

typedef struct {
  char    *text;
  EeMarks  marks;
  char    *href;   /* NULL when the run is not a link */
} EeRun;

typedef struct {
  EeBlockKind  kind;
  guint        level;  /* bullets: 0 or 1 */
  GPtrArray   *runs;   /* of EeRun; NULL for raw blocks */
  char        *raw;    /* raw blocks: the Markdown as written */
} EeBlock;

#define EE_TYPE_RICH_TEXT (ee_rich_text_get_type ())
GType ee_rich_text_get_type (void) G_GNUC_CONST;

EeRichText    *ee_rich_text_new_empty            (void);
EeRichText    *ee_rich_text_new_plain            (const char  *text);
EeRichText    *ee_rich_text_new_from_markdown    (const char  *markdown,
                                                  gssize       length);
EeRichText    *ee_rich_text_ref                  (EeRichText  *self);
void           ee_rich_text_unref                (EeRichText  *self);

guint          ee_rich_text_get_n_blocks         (EeRichText  *self);
const EeBlock *ee_rich_text_get_block            (EeRichText  *self,
                                                  guint        index);
gboolean       ee_rich_text_is_empty             (EeRichText  *self);
gboolean       ee_rich_text_equal                (EeRichText  *a,
                                                  EeRichText  *b);
const char    *ee_rich_text_get_markdown         (EeRichText  *self);
const char    *ee_rich_text_get_block_markdown   (EeRichText  *self,
                                                  guint        index);
char          *ee_rich_text_to_plain             (EeRichText  *self);
gboolean       ee_rich_text_is_single_paragraph  (EeRichText  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EeRichText, ee_rich_text_unref)

/**
 * EeRichTextBuilder:
 *
 * Collects blocks and runs, then makes a canonical #EeRichText.
 */
typedef struct _EeRichTextBuilder EeRichTextBuilder;

EeRichTextBuilder *ee_rich_text_builder_new         (void);
void               ee_rich_text_builder_free        (EeRichTextBuilder *builder);
void               ee_rich_text_builder_begin_block (EeRichTextBuilder *builder,
                                                     EeBlockKind        kind,
                                                     guint              level);
void               ee_rich_text_builder_add_text    (EeRichTextBuilder *builder,
                                                     const char        *text,
                                                     EeMarks            marks,
                                                     const char        *href);
void               ee_rich_text_builder_add_raw     (EeRichTextBuilder *builder,
                                                     const char        *markdown);
void               ee_rich_text_builder_add_rich_text (EeRichTextBuilder *builder,
                                                     EeRichText        *text);
EeRichText        *ee_rich_text_builder_end         (EeRichTextBuilder *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EeRichTextBuilder, ee_rich_text_builder_free)

G_END_DECLS
