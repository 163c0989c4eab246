/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The core library: the model, project files, Markdown export and import,
 * and HTML rendering.  It depends on GLib, GIO, json-glib and cmark-gfm
 * only, never on GTK. */

#include "ee-rich-text.h"
#include "ee-initiative.h"
#include "ee-cluster.h"
#include "ee-document.h"
#include "ee-project.h"
#include "ee-export.h"
#include "ee-import.h"
#include "ee-render.h"
#include "ee-html-page.h"
#include "ee-loader.h"
#include "ee-history.h"
#include "ee-hub-folder.h"
#include "ee-problem.h"
#include "ee-validate.h"
#include "ee-draft.h"
#include "ee-safe-write.h"
#include "ee-diff.h"
