/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ee-window.h"
#include "ee-sidebar.h"

G_BEGIN_DECLS

struct _EeWindow {
  AdwApplicationWindow  parent_instance;

  EeDocument           *document;
  EeHistory            *history;
  GFile                *file;         /* the project or page it was opened from */
  gboolean              file_is_folder; /* the file is a hub folder */
  GFile                *export_file;  /* where Export writes without asking */
  GFile                *export_folder; /* the same, for the hub folder layout */
  GSettings            *settings;     /* NULL when the schema is not installed */
  gboolean              modified;
  GObject              *shown;        /* what the form shows */
  GtkWidget            *preview;      /* NULL until the preview exists */
  guint                 preview_id;
  gboolean              closing;      /* a save before closing is under way */
  guint                 check_shown_id;
  gboolean              moving;       /* an initiative is leaving one place for another */
  GPtrArray            *problems;     /* of EeProblem: the page as last checked */
  guint                 validate_id;
  GtkWidget            *problems_popover;
  EeDraft              *draft;        /* NULL until the first unsaved change is kept */
  guint                 draft_id;
  gboolean              draft_failed; /* the user was told the draft cannot be written */
  GFileMonitor         *monitor;      /* watches the file for other programs' changes */
  char                 *file_etag;    /* the file as the window last read or wrote it */
  guint                 changed_id;
  GtkInfoBar           *changed_bar;
  GtkLabel             *changed_label;
  GtkWidget            *reload_button;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_pane;
  GtkWidget            *content_pane;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  EeSidebar            *sidebar;
  AdwWindowTitle       *window_title;
  GtkWidget            *back_button;
  AdwFlap              *flap;
  AdwBin               *form_bin;
  AdwBin               *preview_bin;
  GMenu                *move_to_menu;
  GtkWidget            *initiative_menu_button;
  GMenu                *recent_menu;
  GtkWidget            *problems_button;
  GtkImage             *problems_icon;
  GtkLabel             *problems_label;
};

/* ee-window.c */
void          _ee_window_show              (EeWindow     *self,
                                            GObject      *object,
                                            gboolean      select);
void          _ee_window_toast             (EeWindow     *self,
                                            const char   *title);
void          _ee_window_set_modified      (EeWindow     *self,
                                            gboolean      modified);
void          _ee_window_update_actions    (EeWindow     *self);
EeInitiative *_ee_window_get_initiative    (EeWindow     *self);
EeCluster    *_ee_window_get_cluster       (EeWindow     *self);
GFile        *_ee_window_document_folder   (EeWindow     *self);
void          _ee_window_file_written      (EeWindow     *self,
                                            GFile        *file,
                                            gboolean      export);
void          _ee_window_show_error        (EeWindow     *self,
                                            const char   *heading,
                                            const char   *message);

/* ee-window-actions.c */
void          _ee_window_class_add_actions (GtkWidgetClass *widget_class);
void          _ee_window_move_initiative   (EeWindow     *self,
                                            EeInitiative *initiative,
                                            EeCluster    *cluster,
                                            guint         position);

/* ee-window-files.c */
void          _ee_window_class_add_file_actions (GtkWidgetClass *widget_class);
void          _ee_window_save_then         (EeWindow     *self,
                                            GCallback     done);
void          _ee_window_open_file         (EeWindow     *self,
                                            GFile        *file);
void          _ee_window_update_recent     (EeWindow     *self);
void          _ee_window_focus_initiatives (EeWindow     *self);
void          _ee_window_ensure_preview    (EeWindow     *self);

/* ee-window-drafts.c */
void          _ee_window_schedule_draft      (EeWindow     *self);
void          _ee_window_flush_draft         (EeWindow     *self);
void          _ee_window_discard_draft       (EeWindow     *self);

/* ee-window-folder.c */
void          _ee_window_export_folder       (EeWindow     *self,
                                              gboolean      ask);

/* ee-window-monitor.c */
void          _ee_window_init_monitor        (EeWindow     *self);
void          _ee_window_dispose_monitor     (EeWindow     *self);
void          _ee_window_watch_file          (EeWindow     *self);
void          _ee_window_note_own_write      (EeWindow     *self,
                                              const char   *etag);

/* ee-window-problems.c */
void          _ee_window_class_add_problem_actions (GtkWidgetClass *widget_class);
void          _ee_window_init_problems       (EeWindow     *self);
void          _ee_window_validate            (EeWindow     *self);
void          _ee_window_schedule_validation (EeWindow     *self);
void          _ee_window_form_shown          (EeWindow     *self);
guint         _ee_window_count_errors        (EeWindow     *self);

G_END_DECLS
