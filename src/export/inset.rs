//! The locator inset: the region among its neighbours on the basemap, with the main view's
//! extent outlined — a second walkers map drawn from the same basemap tiles.

use egui::{Color32, Rect, Response, Stroke, Ui, UiBuilder};
use walkers::{Map, MapMemory, MercatorProjection, Plugin, Projector, lon_lat};

use crate::map::BasemapTiles;
use crate::map::marks::Ink;
use crate::state::{ViewState, start_position};
use atlas_core::basemap::lonlat_to_world;

/// What the inset always shows (lon/lat): Afghanistan and Pakistan among their neighbours.
pub const INSET_BOX: [f64; 4] = [50.0, 20.0, 86.0, 42.0];

/// Outline colour of the view's extent.
const EXTENT: Color32 = Color32::from_rgb(200, 30, 40);

/// The main view's visible box (lon min, lat min, lon max, lat max) on a map of `rect`.
pub fn view_box(view: &ViewState, rect: Rect) -> [f64; 4] {
    let p = Projector::new(rect, &MercatorProjection, &view.memory, start_position());
    let a = p.unproject(rect.min.to_vec2());
    let b = p.unproject(rect.max.to_vec2());
    [a.x(), b.y(), b.x(), a.y()]
}

/// The box the inset shows: [`INSET_BOX`], grown to hold the view's extent with as much
/// again on every side (so the extent is seen among its neighbours).
fn shown_box(extent: [f64; 4]) -> [f64; 4] {
    let (w, h) = (extent[2] - extent[0], extent[3] - extent[1]);
    [
        INSET_BOX[0].min(extent[0] - w).max(-179.0),
        INSET_BOX[1].min(extent[1] - h).max(-80.0),
        INSET_BOX[2].max(extent[2] + w).min(179.0),
        INSET_BOX[3].max(extent[3] + h).min(80.0),
    ]
}

/// Centre and zoom that fit `b` into `rect`.
fn fit(b: [f64; 4], rect: Rect) -> ([f64; 2], f64) {
    let p = lonlat_to_world(b[0], b[3]);
    let q = lonlat_to_world(b[2], b[1]);
    let zx = f64::from(rect.width()) / ((q[0] - p[0]) * 256.0);
    let zy = f64::from(rect.height()) / ((q[1] - p[1]) * 256.0);
    let (lon, lat) =
        atlas_core::basemap::world_to_lonlat([(p[0] + q[0]) / 2.0, (p[1] + q[1]) / 2.0]);
    ([lon, lat], zx.min(zy).log2())
}

struct ExtentOutline {
    extent: [f64; 4],
}

impl Plugin for ExtentOutline {
    fn run(self: Box<Self>, ui: &mut Ui, _: &Response, projector: &Projector, _: &MapMemory) {
        let [w, s, e, n] = self.extent;
        let a = projector.project(lon_lat(w, n));
        let b = projector.project(lon_lat(e, s));
        let mut r = Rect::from_two_pos(a.to_pos2(), b.to_pos2());
        // A view too small to see at this scale is a box of at least 6 points.
        if r.width() < 6.0 || r.height() < 6.0 {
            r = Rect::from_center_size(r.center(), r.size().max(egui::vec2(6.0, 6.0)));
        }
        ui.painter_at(projector.clip_rect()).rect_stroke(
            r,
            0.0,
            Stroke::new(2.0, EXTENT),
            egui::StrokeKind::Middle,
        );
    }
}

/// Draw the inset into `rect` with a frame: the basemap over [`INSET_BOX`] and `extent`.
pub fn draw_inset(
    ui: &mut Ui,
    rect: Rect,
    tiles: &mut BasemapTiles,
    extent: [f64; 4],
    Ink { ink, paper }: Ink,
) {
    let (centre, zoom) = fit(shown_box(extent), rect);
    let mut memory = MapMemory::default();
    memory.center_at(lon_lat(centre[0], centre[1]));
    let _ = memory.set_zoom(zoom.clamp(0.0, 10.0));
    ui.painter().rect_filled(rect.expand(3.0), 3.0, paper);
    ui.scope_builder(
        UiBuilder::new().max_rect(rect).id_salt("export-inset"),
        |ui| {
            let map = Map::new(None, &mut memory, lon_lat(centre[0], centre[1]))
                .zoom_gesture(false)
                .panning(false)
                .drag_pan_buttons(egui::DragPanButtons::empty())
                .with_layer(tiles.layer(), 1.0)
                .with_plugin(ExtentOutline { extent });
            ui.add(map);
        },
    );
    ui.painter().rect_stroke(
        rect,
        0.0,
        Stroke::new(1.5, ink.gamma_multiply(0.8)),
        egui::StrokeKind::Outside,
    );
}
