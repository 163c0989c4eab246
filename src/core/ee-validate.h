/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "ee-document.h"
#include "ee-problem.h"

G_BEGIN_DECLS

/* A short description longer than this many characters gets a warning. */
#define EE_VALIDATE_LONG_DESCRIPTION 600

GPtrArray *ee_validate_document   (EeDocument   *document);
GPtrArray *ee_validate_initiative (EeDocument   *document,
                                   EeCluster    *cluster,
                                   EeInitiative *initiative);
guint      ee_problems_count      (GPtrArray    *problems,
                                   EeSeverity    severity);

G_END_DECLS
