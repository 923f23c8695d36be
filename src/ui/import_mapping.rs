//! The import dialog's column mapping: for each field the app reads (coordinates, date,
//! actor, and the optional ones), a picker of the file's columns (CSV) or a property name
//! (GeoJSON).

use atlas_core::incidents::{ColumnMapping, LocationPrecision};

/// One row per mapped field: a column picker (CSV) or a property name (GeoJSON).
pub(super) fn mapping_fields(ui: &mut egui::Ui, m: &mut ColumnMapping, headers: Option<&[String]>) {
    egui::Grid::new("import-mapping")
        .num_columns(2)
        .show(ui, |ui| {
            for (name, field) in [
                ("Longitude *", &mut m.lon),
                ("Latitude *", &mut m.lat),
                ("Date *", &mut m.date),
                ("Actor *", &mut m.actor),
            ] {
                ui.label(name);
                match headers {
                    Some(h) => pick(ui, name, field, h),
                    None => {
                        ui.text_edit_singleline(field);
                    }
                }
                ui.end_row();
            }
            for (name, field) in [
                ("Fatalities", &mut m.fatalities),
                ("Event type", &mut m.event_type),
                ("Event ID", &mut m.id),
                ("Second actor", &mut m.actor2),
                ("Place name", &mut m.location),
                ("Source", &mut m.source),
                ("Notes", &mut m.notes),
                ("Precision word", &mut m.precision),
            ] {
                ui.label(name);
                match headers {
                    Some(h) => pick_optional(ui, name, field, h),
                    None => {
                        let mut text = field.clone().unwrap_or_default();
                        if ui.text_edit_singleline(&mut text).changed() {
                            *field = (!text.trim().is_empty()).then_some(text);
                        }
                    }
                }
                ui.end_row();
            }
            ui.label("Precision when not given");
            egui::ComboBox::from_id_salt("import-default-precision")
                .selected_text(m.default_precision.as_str())
                .show_ui(ui, |ui| {
                    for p in LocationPrecision::ALL {
                        ui.selectable_value(&mut m.default_precision, p, p.as_str());
                    }
                });
            ui.end_row();
        });
    ui.weak("* required. Rows missing them are dropped and listed with their line.");
}

fn pick(ui: &mut egui::Ui, id: &str, field: &mut String, headers: &[String]) {
    let missing = !headers.iter().any(|h| h.eq_ignore_ascii_case(field));
    let shown = if missing {
        "(choose a column)".to_string()
    } else {
        field.clone()
    };
    egui::ComboBox::from_id_salt(("map", id))
        .selected_text(shown)
        .show_ui(ui, |ui| {
            for h in headers {
                ui.selectable_value(field, h.clone(), h);
            }
        });
}

fn pick_optional(ui: &mut egui::Ui, id: &str, field: &mut Option<String>, headers: &[String]) {
    let shown = field.clone().unwrap_or_else(|| "(none)".into());
    egui::ComboBox::from_id_salt(("map", id))
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(field, None, "(none)");
            for h in headers {
                ui.selectable_value(field, Some(h.clone()), h);
            }
        });
}
