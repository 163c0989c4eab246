/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "ee-problem.h"

/**
 * EeProblem:
 *
 * One thing wrong on the page, found by ee_validate_document(): an error
 * (the page should not be published so) or a warning (worth a look).  It
 * names the initiative and field it is about, so that the editor can take
 * the user there.
 */
struct _EeProblem {
  GObject       parent_instance;

  EeSeverity    severity;
  EeCluster    *cluster;
  EeInitiative *initiative;
  int           field;
  char         *message;
};

G_DEFINE_FINAL_TYPE (EeProblem, ee_problem, G_TYPE_OBJECT)

static void
ee_problem_finalize (GObject *object)
{
  EeProblem *self = EE_PROBLEM (object);

  g_clear_object (&self->cluster);
  g_clear_object (&self->initiative);
  g_free (self->message);
  G_OBJECT_CLASS (ee_problem_parent_class)->finalize (object);
}

static void
ee_problem_class_init (EeProblemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ee_problem_finalize;
}

static void
ee_problem_init (EeProblem *self)
{
}

/**
 * ee_problem_new:
 * @cluster: the cluster the initiative is in
 * @initiative: the initiative
 * @field: an #EeField, or %EE_PROBLEM_TITLE
 * @message: one line that says what is wrong
 */
EeProblem *
ee_problem_new (EeSeverity    severity,
                EeCluster    *cluster,
                EeInitiative *initiative,
                int           field,
                const char   *message)
{
  EeProblem *self;

  g_return_val_if_fail (EE_IS_CLUSTER (cluster), NULL);
  g_return_val_if_fail (EE_IS_INITIATIVE (initiative), NULL);
  g_return_val_if_fail (field >= EE_PROBLEM_TITLE && field < EE_N_FIELDS, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_object_new (EE_TYPE_PROBLEM, NULL);
  self->severity = severity;
  self->cluster = g_object_ref (cluster);
  self->initiative = g_object_ref (initiative);
  self->field = field;
  self->message = g_strdup (message);
  return self;
}

EeSeverity
ee_problem_get_severity (EeProblem *self)
{
  g_return_val_if_fail (EE_IS_PROBLEM (self), EE_SEVERITY_ERROR);
  return self->severity;
}

EeCluster *
ee_problem_get_cluster (EeProblem *self)
{
  g_return_val_if_fail (EE_IS_PROBLEM (self), NULL);
  return self->cluster;
}

EeInitiative *
ee_problem_get_initiative (EeProblem *self)
{
  g_return_val_if_fail (EE_IS_PROBLEM (self), NULL);
  return self->initiative;
}

/**
 * ee_problem_get_field:
 *
 * Returns: the #EeField the problem is in, or %EE_PROBLEM_TITLE
 */
int
ee_problem_get_field (EeProblem *self)
{
  g_return_val_if_fail (EE_IS_PROBLEM (self), EE_PROBLEM_TITLE);
  return self->field;
}

const char *
ee_problem_get_message (EeProblem *self)
{
  g_return_val_if_fail (EE_IS_PROBLEM (self), NULL);
  return self->message;
}

/**
 * ee_problem_dup_location:
 *
 * Returns: where the problem is, as "cluster/initiative:field", with the
 *   labels the hub shows
 */
char *
ee_problem_dup_location (EeProblem *self)
{
  const char *cluster;
  const char *title;

  g_return_val_if_fail (EE_IS_PROBLEM (self), NULL);

  cluster = ee_cluster_get_short_title (self->cluster);
  if (cluster == NULL || *cluster == '\0')
    cluster = ee_cluster_get_title (self->cluster);
  title = ee_initiative_get_title (self->initiative);
  return g_strdup_printf ("%s/%s:%s", cluster, *title != '\0' ? title : "(untitled)",
                          self->field == EE_PROBLEM_TITLE ? "Title" : ee_field_get_label (self->field));
}
