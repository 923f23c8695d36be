//! The places the report names, emphasised: tinted area, strong outline, label always on.

use atlas_core::model::{EntryRef, UnitKind};
use egui::{Align2, Mesh, Response, Shape, Stroke, Ui, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::labels::{Fit, Label, LabelBody, LabelSink, boxed, name_key, symbol_box, symbol_gap};
use super::style::{faded, map_style};
use super::transform::WorldToScreen;
use crate::scene::AtlasData;
use crate::state::LayerStyle;

pub struct ReportLayer<'a> {
    pub data: &'a AtlasData,
    pub style: LayerStyle,
    pub labels: LabelSink,
    pub dark: bool,
}

/// Fill triangles of a unit shape as one mesh.
pub fn fill_mesh(tris: &[[f64; 2]], t: &WorldToScreen, color: egui::Color32) -> Mesh {
    let mut mesh = Mesh::default();
    for (i, w) in tris.iter().enumerate() {
        mesh.colored_vertex(t.to_screen(*w), color);
        mesh.indices.push(i as u32);
    }
    mesh
}

impl Plugin for ReportLayer<'_> {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        let t = WorldToScreen::new(projector);
        let s = map_style(self.dark);
        let painter = ui.painter_at(t.clip);
        let op = self.style.opacity;
        for place in &self.data.report_places {
            let color = if place.context { s.context } else { s.report };
            match place.entry {
                EntryRef::Unit(i) => {
                    let shape = &self.data.shapes[i];
                    if !place.context {
                        painter.add(Shape::mesh(fill_mesh(
                            shape.triangles(t.zoom),
                            &t,
                            faded(s.report_fill, op),
                        )));
                    }
                    let width = if place.context { 1.5 } else { 2.5 };
                    for ring in shape.rings(t.zoom) {
                        let pts: Vec<_> = ring.iter().map(|w| t.to_screen(*w)).collect();
                        if place.context {
                            painter.extend(Shape::dashed_line(
                                &pts,
                                Stroke::new(width, faded(color, op)),
                                6.0,
                                4.0,
                            ));
                        } else {
                            painter.add(Shape::line(pts, Stroke::new(width, faded(color, op))));
                        }
                    }
                    let kind = if place.kind == UnitKind::District {
                        "district"
                    } else {
                        "province"
                    };
                    self.labels.push(Label {
                        text: if place.context {
                            format!("{} ({kind})", place.name)
                        } else {
                            place.name.clone()
                        },
                        world: shape.label,
                        size: 15.0,
                        color: faded(color, op),
                        priority: if place.context { 900 } else { 1000 },
                        body: if place.context {
                            LabelBody::Halo
                        } else {
                            boxed(faded(s.halo, op), faded(color, op))
                        },
                        layer: if place.context {
                            "report_context"
                        } else {
                            "report_place"
                        },
                        fit: Fit::Slide,
                        never_drop: !place.context,
                        key: name_key(&place.name),
                        ..Default::default()
                    });
                }
                EntryRef::Town(i) => {
                    let town = &self.data.gazetteer.towns[i];
                    let w = atlas_core::basemap::lonlat_to_world(town.lon, town.lat);
                    let p = t.to_screen(w);
                    let d = 6.0;
                    let diamond = vec![
                        p + vec2(0.0, -d),
                        p + vec2(d, 0.0),
                        p + vec2(0.0, d),
                        p + vec2(-d, 0.0),
                    ];
                    painter.add(Shape::convex_polygon(
                        diamond,
                        faded(color, op),
                        Stroke::new(1.5, faded(s.halo, op)),
                    ));
                    self.labels.push(Label {
                        text: format!("{} (town)", place.name),
                        world: w,
                        size: 15.0,
                        color: faded(color, op),
                        priority: 1000,
                        anchor: Align2::LEFT_CENTER,
                        offset: vec2(symbol_gap(d), 0.0),
                        body: boxed(faded(s.halo, op), faded(color, op)),
                        layer: "report_place",
                        fit: Fit::Around,
                        never_drop: true,
                        key: name_key(&place.name),
                        ..Default::default()
                    });
                    self.labels.obstacle(symbol_box(p, d));
                }
            }
        }
    }
}
