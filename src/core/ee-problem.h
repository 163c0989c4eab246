/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <glib-object.h>

#include "ee-document.h"

G_BEGIN_DECLS

typedef enum {
  EE_SEVERITY_WARNING,
  EE_SEVERITY_ERROR,
} EeSeverity;

/* The field of a problem that is about the initiative's title, not one of
 * its fields. */
#define EE_PROBLEM_TITLE (-1)

#define EE_TYPE_PROBLEM (ee_problem_get_type ())
G_DECLARE_FINAL_TYPE (EeProblem, ee_problem, EE, PROBLEM, GObject)

EeProblem    *ee_problem_new            (EeSeverity    severity,
                                         EeCluster    *cluster,
                                         EeInitiative *initiative,
                                         int           field,
                                         const char   *message);
EeSeverity    ee_problem_get_severity   (EeProblem    *self);
EeCluster    *ee_problem_get_cluster    (EeProblem    *self);
EeInitiative *ee_problem_get_initiative (EeProblem    *self);
int           ee_problem_get_field      (EeProblem    *self);
const char   *ee_problem_get_message    (EeProblem    *self);
char         *ee_problem_dup_location   (EeProblem    *self);

G_END_DECLS
