//! Headless export: exact size, title, legend of visible layers only, scale bar accuracy as
//! drawn, legible text at 1080p, watermark, and a snapshot (`UPDATE_SNAPSHOTS=1` re-blesses).
//! The command line (no display, errors, all views) is tested in `export_cli.rs`.

use atlas_core::project::{LayerDef, LayerKind, Project};
use egui_kittest::kittest::Queryable;
use frontier_atlas::export::{ExportError, ExportLayout, ExportSettings, Exporter, ScaleBar};
use geo::{Distance, Haversine, Point};

use crate::common::{bare_scene, job, set_kind};

fn exporter() -> Exporter {
    Exporter::new().expect("graphics adapter (install mesa-vulkan-drivers)")
}

fn default_layers() -> Vec<LayerDef> {
    Project::default().layers
}

/// Render the default project's reference data with `layers` (no incident data loaded).
fn render(
    ex: &mut Exporter,
    layers: &[LayerDef],
    settings: &ExportSettings,
) -> Result<frontier_atlas::export::Rendered, ExportError> {
    ex.render(&job(layers, settings, &bare_scene()))
}

fn small(title: Option<&str>) -> ExportSettings {
    ExportSettings {
        size: [640, 360],
        title: title.map(str::to_owned),
        timestamp: Some("2026-01-01 00:00 UTC".into()),
        ..Default::default()
    }
}

/// Pixels whose channels differ by more than 30 inside `[x0, x1) × [y0, y1)`.
fn diff(a: &image::RgbaImage, b: &image::RgbaImage, x0: u32, y0: u32, x1: u32, y1: u32) -> usize {
    let mut n = 0;
    for y in y0..y1 {
        for x in x0..x1 {
            let (p, q) = (a.get_pixel(x, y), b.get_pixel(x, y));
            if p.0.iter().zip(q.0).any(|(u, v)| u.abs_diff(v) > 30) {
                n += 1;
            }
        }
    }
    n
}

#[test]
fn export_has_exactly_the_requested_size() {
    let mut ex = exporter();
    let layers = default_layers();
    let r = render(&mut ex, &layers, &small(None)).expect("render");
    assert_eq!(r.image.dimensions(), (640, 360));
    // The same exporter, another (odd) size.
    let odd = ExportSettings {
        size: [333, 217],
        ..small(None)
    };
    let r = render(&mut ex, &layers, &odd).expect("render");
    assert_eq!(r.image.dimensions(), (333, 217));
    let bad = ExportSettings {
        size: [0, 100],
        ..small(None)
    };
    assert!(matches!(
        render(&mut ex, &layers, &bad),
        Err(ExportError::Size(0, 100))
    ));
}

#[test]
fn title_changes_the_title_region_only_when_set() {
    let mut ex = exporter();
    let layers = default_layers();
    let untimed = |title| ExportSettings {
        timestamp: None,
        ..small(title)
    };
    let plain = render(&mut ex, &layers, &untimed(None)).expect("render");
    let titled = render(&mut ex, &layers, &untimed(Some("Briefing title"))).expect("render");
    assert!(plain.layout.title.is_none());
    let title = titled.layout.title.expect("title box");
    // In points (the 640×360 image is the slide at a third of 1080p's pixels).
    assert!(title.min.x <= 20.0 && title.min.y <= 20.0 && title.width() > 60.0);
    let changed = diff(&plain.image, &titled.image, 10, 10, 300, 40);
    assert!(changed > 150, "title region unchanged ({changed} pixels)");
    // Bottom right (scale bar, sources) unchanged.
    assert_eq!(diff(&plain.image, &titled.image, 400, 250, 640, 300), 0);
}

fn legend_labels(layers: Vec<LayerDef>) -> Vec<String> {
    let project = Project::default();
    let scene = bare_scene();
    let heat = frontier_atlas::map::HeatTextures::default();
    let mut h = crate::common::builder()
        .with_size(egui::vec2(500.0, 900.0))
        .build_ui(move |ui| {
            let frame = frontier_atlas::map::MapFrame {
                project: &project,
                layers: frontier_atlas::state::LayerSet(&layers),
                scene: &scene,
                heat: &heat,
            };
            frontier_atlas::ui::legend::show(ui, &frame, true, true);
        });
    h.run_steps(1);
    [
        "TTP training centre",
        "Place named in the report",
        "District boundary",
        "Tehreek-e-Taliban Pakistan (TTP)",
        "International border",
    ]
    .iter()
    .filter(|t| h.query_by_label_contains(t).is_some())
    .map(|t| (*t).to_owned())
    .collect()
}

#[test]
fn legend_lists_only_visible_layers() {
    let all = legend_labels(default_layers());
    assert_eq!(all.len(), 5, "{all:?}");
    let mut layers = default_layers();
    set_kind(&mut layers, LayerKind::TrainingCamps, false);
    set_kind(&mut layers, LayerKind::Districts, false);
    set_kind(&mut layers, LayerKind::GroupPresence, false);
    let some = legend_labels(layers);
    assert_eq!(some, ["Place named in the report", "International border"]);
}

#[test]
fn exported_legend_fits_and_shrinks_with_hidden_layers() {
    let mut ex = exporter();
    // 720p: the smallest slide size (at 640×360 the legend's fixed-size symbols need more
    // height than there is, and it is cut off, inside the map).
    let settings = ExportSettings {
        size: [1280, 720],
        ..small(Some("T"))
    };
    let full = render(&mut ex, &default_layers(), &settings).expect("render");
    let mut only_basemap = default_layers();
    for l in &mut only_basemap {
        l.style.visible = l.kind == LayerKind::Basemap;
    }
    let few = render(&mut ex, &only_basemap, &settings).expect("render");
    let (a, b) = (
        full.layout.legend.expect("legend"),
        few.layout.legend.expect("legend"),
    );
    assert!(!full.layout.legend_clipped && !few.layout.legend_clipped);
    // Heading + 2 basemap rows versus a dozen rows.
    assert!(b.height() * 3.0 < a.height(), "{b:?} vs {a:?}");
    // Clear of the title, inside the map.
    let title = full.layout.title.expect("title");
    assert!(!a.intersects(title) && full.layout.map.contains_rect(a));
    // Sources never run under the legend.
    let src = full.layout.attribution.expect("sources");
    assert!(!src.intersects(a), "{src:?} overlaps {a:?}");
    let tiny = render(&mut ex, &default_layers(), &small(Some("T"))).expect("render");
    assert!(
        tiny.layout
            .map
            .contains_rect(tiny.layout.legend.expect("legend"))
    );
    // And pixels: where the long legend is and the short one is not, the images differ
    // (layout boxes are in points; the image has `ppp` pixels per point).
    let px = |v: f32| (v * full.ppp) as u32;
    let y0 = px(b.max.y) + 4;
    let changed = diff(
        &full.image,
        &few.image,
        px(a.min.x),
        y0,
        px(a.max.x),
        px(a.max.y),
    );
    assert!(changed > 300, "{changed}");
}

/// Screen point of an export → lon/lat, by Web Mercator from the layout's centre and zoom
/// (independent of the map widget's projector).
fn lonlat(layout: &ExportLayout, p: egui::Pos2) -> (f64, f64) {
    let per_point = 1.0 / (256.0 * 2f64.powf(layout.zoom));
    let c = atlas_core::basemap::lonlat_to_world(layout.center[0], layout.center[1]);
    let mc = layout.map.center();
    atlas_core::basemap::world_to_lonlat([
        c[0] + f64::from(p.x - mc.x) * per_point,
        c[1] + f64::from(p.y - mc.y) * per_point,
    ])
}

#[test]
fn drawn_scale_bar_matches_the_geodesic_distance_within_two_percent() {
    let mut ex = exporter();
    for (center, zoom, size) in [
        ([67.8, 31.2], 6.0, [640, 360]),
        ([70.0, 35.5], 8.0, [480, 480]),
        ([66.0, 25.5], 9.5, [640, 360]),
    ] {
        let settings = ExportSettings {
            center,
            zoom,
            size,
            ..small(None)
        };
        let r = render(&mut ex, &default_layers(), &settings).expect("render");
        let bar = r.layout.scale_bar.clone().expect("scale bar");
        assert!(r.layout.map.contains(bar.start) && r.layout.map.contains(bar.end));
        let (a, b) = (lonlat(&r.layout, bar.start), lonlat(&r.layout, bar.end));
        let km = Haversine.distance(Point::new(a.0, a.1), Point::new(b.0, b.1)) / 1000.0;
        assert!(
            (km - bar.km).abs() / bar.km < 0.02,
            "{center:?} z{zoom}: bar says {} ({} km), spans {km:.2} km",
            bar.label,
            bar.km
        );
        assert!(bar.label.contains(&format!("{}", bar.km)) || bar.km < 1.0);
    }
}

#[test]
fn scale_bar_lengths_are_round_and_true_at_any_latitude() {
    for (lat, zoom) in [
        (31.0, 6.0),
        (35.0, 8.3),
        (25.0, 10.0),
        (0.5, 4.0),
        (60.0, 5.0),
    ] {
        let bar = ScaleBar::new(lat, zoom, 220.0);
        assert!(bar.points <= 220.0 && bar.points > 40.0);
        let mantissa = bar.km / 10f64.powf(bar.km.log10().floor());
        assert!([1.0, 2.0, 5.0].iter().any(|m| (mantissa - m).abs() < 1e-9));
        let world_per_point = 1.0 / (256.0 * 2f64.powf(zoom));
        let w0 = atlas_core::basemap::lonlat_to_world(65.0, lat);
        let (lon1, lat1) =
            atlas_core::basemap::world_to_lonlat([w0[0] + bar.points * world_per_point, w0[1]]);
        let km = Haversine.distance(Point::new(65.0, lat), Point::new(lon1, lat1)) / 1000.0;
        assert!(
            (km - bar.km).abs() / bar.km < 0.02,
            "lat {lat}: {km} vs {}",
            bar.km
        );
    }
}

#[test]
fn full_hd_export_has_no_text_under_14_px_and_an_unclipped_legend() {
    let settings = ExportSettings {
        size: [1920, 1080],
        title: Some("Frontier Atlas".into()),
        subtitle: Some("Start view".into()),
        banner: Some(frontier_atlas::export::Banner {
            text: "UNCLASSIFIED".into(),
            preset: Default::default(),
        }),
        ..small(None)
    };
    let r = render(&mut exporter(), &default_layers(), &settings).expect("render");
    assert_eq!(r.image.dimensions(), (1920, 1080));
    assert!(r.layout.min_font_px >= 14.0, "{}", r.layout.min_font_px);
    assert!(!r.layout.legend_clipped);
    // Banners: 42.5 px of green at the top and bottom.
    assert_eq!(r.layout.map.min.y, 42.5);
    assert_eq!(r.image.get_pixel(3, 3).0, [0, 122, 51, 255]);
    assert_eq!(r.image.get_pixel(1916, 1077).0, [0, 122, 51, 255]);
    // Same area as the 1200-point reference view: zoom 6 + log2(1920 / 1200).
    assert!((r.layout.zoom - (6.0 + (1920.0f64 / 1200.0).log2())).abs() < 1e-9);
}

#[test]
fn synthetic_watermark_is_drawn_exactly_when_the_demo_is_shown() {
    let mut ex = exporter();
    let s = small(None);
    let project = Project::default();
    let scene = crate::common::loaded_scene(&project);
    let mut hidden = project.layers.clone();
    for k in LayerKind::DENSITY {
        set_kind(&mut hidden, k, false);
    }
    let plain = ex.render(&job(&hidden, &s, &scene)).expect("render");
    let marked = ex
        .render(&job(&project.layers, &s, &scene))
        .expect("render");
    assert!(!plain.layout.watermark && marked.layout.watermark);
    let changed = diff(&plain.image, &marked.image, 220, 130, 420, 230);
    assert!(changed > 500, "{changed}");
    // Redder where it is drawn.
    let red = |img: &image::RgbaImage| {
        (220..420)
            .flat_map(|x| (130..230).map(move |y| (x, y)))
            .map(|(x, y)| {
                let p = img.get_pixel(x, y).0;
                i64::from(p[0]) - i64::from(p[1])
            })
            .sum::<i64>()
    };
    assert!(red(&marked.image) > red(&plain.image));
}

#[test]
fn export_snapshot() {
    let settings = ExportSettings {
        size: [960, 540],
        title: Some("Frontier Atlas — start view".into()),
        subtitle: Some("Report places, training camps, group presence, attack density".into()),
        banner: Some(frontier_atlas::export::Banner {
            text: "UNCLASSIFIED // FOR TRAINING".into(),
            preset: Default::default(),
        }),
        timestamp: Some("2026-01-01 00:00 UTC".into()),
        ..Default::default()
    };
    // The default project with its synthetic demo loaded: the density layers are drawn too.
    let project = Project::default();
    let scene = crate::common::loaded_scene(&project);
    let img = exporter()
        .render(&job(&project.layers, &settings, &scene))
        .expect("render")
        .image;
    egui_kittest::image_snapshot_options(
        &img,
        "export_start_view",
        &crate::snapshot_strict::strict(),
    );
}
