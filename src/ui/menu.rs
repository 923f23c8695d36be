//! The menu bar: File, Edit, View, Tools, Help. Items return an [`Action`] for the app to
//! perform; the shortcuts named here are handled by the app in every frame.

use std::path::PathBuf;

use atlas_core::project::Project;

/// Something the user asked for from a menu, a shortcut or a panel.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    New,
    /// Open… (a file dialog), or a given file (recent, dropped).
    Open(Option<PathBuf>),
    Save,
    SaveAs,
    ImportIncidents,
    AddCampPoints,
    ReadReport,
    ExportImage,
    Quit,
    GoToView(usize),
    AddView,
    ResetView,
    ToggleDark,
    /// Use this basemap (an online one asks for consent first).
    SetBasemap(atlas_core::project::BasemapSpec),
    /// Pick an MBTiles / PMTiles file for the basemap.
    PickBasemapFile,
    /// Open the custom tile-server dialog.
    CustomBasemap,
    /// Delete the online tiles cached on disk.
    ClearTileCache,
    Undo,
    Redo,
    Shortcuts,
    About,
    /// Find a source's missing file (source id).
    Locate(String),
    /// Focus the search box.
    Search,
    /// The Go to prompt.
    GoTo,
    /// Start or stop measuring.
    Measure,
    /// Draw an annotation with this tool.
    Annotate(crate::ui::annotation_panel::Tool),
    /// The range-ring prompt, its centre typed.
    RangeRingsAt,
}

/// Keyboard shortcuts, as shown in Help → Keyboard shortcuts.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Ctrl+S", "Save the project"),
    ("Ctrl+Shift+S", "Save the project as…"),
    ("Ctrl+O", "Open a project"),
    ("Ctrl+N", "New project"),
    ("Ctrl+E", "Export image"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo"),
    ("Ctrl+F", "Search for a place"),
    ("Ctrl+G", "Go to a coordinate or place"),
    ("M", "Measure a path (click points; Esc ends)"),
    ("Del", "Delete the selected annotation"),
    ("1 – 9", "Go to saved view 1 – 9"),
    ("Esc", "Clear the selection"),
    ("Drag / wheel / double-click", "Pan / zoom / zoom in"),
];

/// Draw the menu bar, then `tools` (the search box, the Measure toggle) on the same row.
/// `recent` are recent project files, newest first; `can` is (undo, redo).
pub fn show(
    ui: &mut egui::Ui,
    project: &Project,
    recent: &[PathBuf],
    can: (bool, bool),
    measuring: bool,
    tools: impl FnOnce(&mut egui::Ui),
) -> Option<Action> {
    let mut out = None;
    let mut take = |a: Option<Action>| {
        if a.is_some() {
            out = a;
        }
    };
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| take(file_menu(ui, recent)));
        ui.menu_button("Edit", |ui| take(edit_menu(ui, can)));
        ui.menu_button("View", |ui| take(view_menu(ui, project)));
        ui.menu_button("Tools", |ui| take(tools_menu(ui, measuring)));
        ui.menu_button("Annotate", |ui| take(annotate_menu(ui)));
        ui.menu_button("Help", |ui| {
            if ui.button("Keyboard shortcuts").clicked() {
                take(Some(Action::Shortcuts));
            }
            if ui.button("About Frontier Atlas").clicked() {
                take(Some(Action::About));
            }
        });
        ui.separator();
        tools(ui);
    });
    out
}

/// A menu item with its shortcut (none shown when `key` is empty: an empty shortcut text
/// would end the item's accessible name in a space).
fn item(ui: &mut egui::Ui, text: &str, key: &str) -> bool {
    let b = egui::Button::new(text);
    let b = if key.is_empty() {
        b
    } else {
        b.shortcut_text(key)
    };
    ui.add(b).clicked()
}

/// The File menu's items.
fn file_menu(ui: &mut egui::Ui, recent: &[PathBuf]) -> Option<Action> {
    let mut out = None;
    let mut on = |ui: &mut egui::Ui, text: &str, key: &str, a: Action| {
        if item(ui, text, key) {
            out = Some(a);
        }
    };
    on(ui, "New", "Ctrl+N", Action::New);
    on(ui, "Open…", "Ctrl+O", Action::Open(None));
    let mut chosen = None;
    ui.menu_button("Open Recent", |ui| {
        if recent.is_empty() {
            ui.weak("No recent projects");
        }
        for p in recent {
            if ui.button(p.display().to_string()).clicked() {
                chosen = Some(Action::Open(Some(p.clone())));
            }
        }
    });
    on(ui, "Save", "Ctrl+S", Action::Save);
    on(ui, "Save As…", "Ctrl+Shift+S", Action::SaveAs);
    ui.separator();
    on(ui, "Import incidents…", "", Action::ImportIncidents);
    on(ui, "Add camp points…", "", Action::AddCampPoints);
    on(ui, "Read report…", "", Action::ReadReport);
    ui.separator();
    on(ui, "Export image…", "Ctrl+E", Action::ExportImage);
    ui.separator();
    on(ui, "Quit", "", Action::Quit);
    chosen.or(out)
}

/// The Edit menu's items: undo and redo, enabled as `can` says.
fn edit_menu(ui: &mut egui::Ui, can: (bool, bool)) -> Option<Action> {
    let undo = egui::Button::new("Undo").shortcut_text("Ctrl+Z");
    let redo = egui::Button::new("Redo").shortcut_text("Ctrl+Shift+Z");
    if ui.add_enabled(can.0, undo).clicked() {
        return Some(Action::Undo);
    }
    ui.add_enabled(can.1, redo)
        .clicked()
        .then_some(Action::Redo)
}

/// The View menu's items: saved views (keys 1–9), basemap source, dark, reset.
fn view_menu(ui: &mut egui::Ui, project: &Project) -> Option<Action> {
    let mut out = None;
    ui.menu_button("Saved views", |ui| {
        for (i, v) in project.views.iter().enumerate() {
            let key = if i < 9 {
                (i + 1).to_string()
            } else {
                String::new()
            };
            if item(ui, &v.name, &key) {
                out = Some(Action::GoToView(i));
            }
        }
        if ui.button("Add current view").clicked() {
            out = Some(Action::AddView);
        }
    });
    ui.menu_button("Basemap source", |ui| {
        if let Some(a) = crate::ui::basemap_menu::items(ui, project) {
            out = Some(a);
        }
    });
    let mut dark = project.basemap.is_dark();
    if ui.checkbox(&mut dark, "Dark basemap").clicked() {
        out = Some(Action::ToggleDark);
    }
    let mut north = crate::map::marks::window_north_arrow(ui.ctx());
    if ui.checkbox(&mut north, "North arrow").changed() {
        crate::map::marks::set_window_north_arrow(ui.ctx(), north);
    }
    if ui.button("Reset view").clicked() {
        out = Some(Action::ResetView);
    }
    out
}

/// The Tools menu's items: search, go to, measure.
fn tools_menu(ui: &mut egui::Ui, measuring: bool) -> Option<Action> {
    let mut out = None;
    if item(ui, "Search…", "Ctrl+F") {
        out = Some(Action::Search);
    }
    if item(ui, "Go to…", "Ctrl+G") {
        out = Some(Action::GoTo);
    }
    let b = egui::Button::selectable(measuring, "Measure distance").shortcut_text("M");
    if ui.add(b).clicked() {
        out = Some(Action::Measure);
    }
    out
}

/// The Annotate menu's items: a drawing tool each, and rings around a typed centre.
fn annotate_menu(ui: &mut egui::Ui) -> Option<Action> {
    use crate::ui::annotation_panel::Tool;
    let mut out = None;
    for tool in Tool::ALL {
        if item(ui, tool.label(), "") {
            out = Some(Action::Annotate(tool));
        }
    }
    if item(ui, "Range rings at…", "") {
        out = Some(Action::RangeRingsAt);
    }
    ui.separator();
    ui.weak("Click an annotation to edit it;");
    ui.weak("drag to move, Del deletes, Ctrl+Z undoes");
    out
}

/// The action of a shortcut pressed this frame (consumed), if any.
pub fn shortcut(ctx: &egui::Context, views: usize) -> Option<Action> {
    use egui::{Key, KeyboardShortcut, Modifiers};
    let cmd = Modifiers::COMMAND;
    let cmd_shift = Modifiers::COMMAND | Modifiers::SHIFT;
    let table = [
        (KeyboardShortcut::new(cmd_shift, Key::S), Action::SaveAs),
        (KeyboardShortcut::new(cmd, Key::S), Action::Save),
        (KeyboardShortcut::new(cmd, Key::O), Action::Open(None)),
        (KeyboardShortcut::new(cmd, Key::N), Action::New),
        (KeyboardShortcut::new(cmd, Key::E), Action::ExportImage),
        (KeyboardShortcut::new(cmd, Key::F), Action::Search),
        (KeyboardShortcut::new(cmd, Key::G), Action::GoTo),
        (KeyboardShortcut::new(cmd_shift, Key::Z), Action::Redo),
        (KeyboardShortcut::new(cmd, Key::Z), Action::Undo),
    ];
    for (s, a) in table {
        if ctx.input_mut(|i| i.consume_shortcut(&s)) {
            return Some(a);
        }
    }
    // M and 1–9: measure and saved views, unless a text field has the keyboard.
    if ctx.egui_wants_keyboard_input() {
        return None;
    }
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::M)) {
        return Some(Action::Measure);
    }
    const KEYS: [Key; 9] = [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
        Key::Num9,
    ];
    KEYS.iter().take(views).enumerate().find_map(|(i, k)| {
        ctx.input_mut(|inp| inp.consume_key(Modifiers::NONE, *k))
            .then_some(Action::GoToView(i))
    })
}
