//! The default slide as a briefer gets it from `export --layout-json`: enough labels, none
//! over another or over the furniture, every report place named; 4K is the 1080p slide at
//! twice the pixels; no map column is one flat colour.

use std::path::{Path, PathBuf};

use crate::common::run_cli;

/// The seven places the report names below country level, as the map labels them.
pub const REPORT_PLACES: [&str; 7] = [
    "Kunar",
    "Nangarhar",
    "Khost",
    "Paktika",
    "Awaran",
    "Panjgur",
    "Dalbandin (town)",
];

#[derive(Debug, Clone, Copy)]
pub struct Box4 {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Box4 {
    fn from(v: &serde_json::Value) -> Self {
        let f = |k: &str| v[k].as_f64().unwrap_or_else(|| panic!("{k} in {v}"));
        Box4 {
            x: f("x"),
            y: f("y"),
            w: f("w"),
            h: f("h"),
        }
    }

    /// Interiors intersect by more than `tol` pixels both ways (shared edges and rounding
    /// are not overlaps).
    fn overlaps(&self, o: &Box4, tol: f64) -> bool {
        let w = (self.x + self.w).min(o.x + o.w) - self.x.max(o.x);
        let h = (self.y + self.h).min(o.y + o.h) - self.y.max(o.y);
        w > tol && h > tol
    }
}

/// Export the default project at `size` (with `extra` arguments), returning the PNG path
/// and the layout JSON.
pub fn export(name: &str, size: &str, extra: &[&str]) -> (PathBuf, serde_json::Value) {
    let dir = std::env::temp_dir().join(format!("atlas-slide-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let png = dir.join(format!("{name}.png"));
    let json = dir.join(format!("{name}.json"));
    let mut args = vec![
        "export",
        "--out",
        png.to_str().expect("utf-8 path"),
        "--size",
        size,
        "--layout-json",
        json.to_str().expect("utf-8 path"),
    ];
    args.extend_from_slice(extra);
    let (code, _, stderr) = run_cli(&args);
    assert_eq!(code, 0, "{args:?}: {stderr}");
    let text = std::fs::read_to_string(&json).expect("layout JSON written");
    (png, serde_json::from_str(&text).expect("valid layout JSON"))
}

/// Every problem of a layout: overlapping labels, labels on furniture (the watermark aside),
/// missing report places, too few labels.
pub fn layout_problems(layout: &serde_json::Value) -> Vec<String> {
    let labels = layout["labels"].as_array().expect("labels");
    let furniture = layout["furniture"].as_array().expect("furniture");
    let boxes: Vec<(String, Box4)> = labels
        .iter()
        .map(|l| (l["text"].as_str().unwrap_or("").to_owned(), Box4::from(l)))
        .collect();
    let mut out = Vec::new();
    if boxes.len() < 30 {
        out.push(format!("only {} labels", boxes.len()));
    }
    for (i, (a, ra)) in boxes.iter().enumerate() {
        for (b, rb) in &boxes[i + 1..] {
            if ra.overlaps(rb, 0.5) {
                out.push(format!("label {a:?} overlaps label {b:?}"));
            }
        }
        for f in furniture.iter().filter(|f| f["kind"] != "watermark") {
            if ra.overlaps(&Box4::from(f), 0.5) {
                out.push(format!("label {a:?} overlaps the {}", f["kind"]));
            }
        }
    }
    for place in REPORT_PLACES {
        if !boxes.iter().any(|(t, _)| t == place) {
            out.push(format!("report place {place:?} is not labelled"));
        }
    }
    out
}

/// The kinds of furniture a layout lists.
fn furniture_kinds(layout: &serde_json::Value) -> Vec<&str> {
    layout["furniture"]
        .as_array()
        .expect("furniture")
        .iter()
        .filter_map(|f| f["kind"].as_str())
        .collect()
}

#[test]
fn default_1080p_and_4k_slides_place_labels_without_overlap() {
    for size in ["1080p", "4k"] {
        let (_, layout) = export(&format!("labels-{size}"), size, &[]);
        let problems = layout_problems(&layout);
        assert!(problems.is_empty(), "{size}: {problems:#?}");
        let kinds = furniture_kinds(&layout);
        for k in ["legend", "scale_bar", "north_arrow", "sources", "watermark"] {
            assert!(kinds.contains(&k), "{size}: no {k} in {kinds:?}");
        }
    }
}

#[test]
fn the_checker_finds_an_overlap_and_a_missing_place() {
    let label = |text: &str, x: f64| serde_json::json!({"text": text, "x": x, "y": 10.0, "w": 50.0, "h": 12.0, "layer": "t"});
    let mut labels: Vec<_> = REPORT_PLACES
        .iter()
        .enumerate()
        .map(|(i, p)| label(p, 100.0 * i as f64))
        .collect();
    labels.extend((0..30).map(|i| label("x", 1000.0 + 60.0 * i as f64)));
    let ok = serde_json::json!({"labels": labels, "furniture": []});
    assert!(layout_problems(&ok).is_empty());
    let mut bad = ok.clone();
    bad["labels"][1]["x"] = 20.0.into();
    bad["labels"][2]["text"] = "Kunarr".into();
    bad["furniture"] =
        serde_json::json!([{"kind": "legend", "x": 1000.0, "y": 0.0, "w": 5.0, "h": 50.0}]);
    let p = layout_problems(&bad);
    assert_eq!(p.len(), 3, "{p:#?}");
}

fn load(p: &Path) -> image::RgbaImage {
    image::open(p).expect("PNG").to_rgba8()
}

/// `img` halved: each pixel the mean of a 2×2 block.
fn halve(img: &image::RgbaImage) -> image::RgbaImage {
    image::RgbaImage::from_fn(img.width() / 2, img.height() / 2, |x, y| {
        let mut acc = [0u32; 4];
        for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
            let p = img.get_pixel(2 * x + dx, 2 * y + dy);
            for (a, v) in acc.iter_mut().zip(p.0) {
                *a += u32::from(v);
            }
        }
        image::Rgba(acc.map(|v| ((v + 2) / 4) as u8))
    })
}

/// Share of pixels with a channel more than 64 apart.
fn share_differing(a: &image::RgbaImage, b: &image::RgbaImage) -> f64 {
    assert_eq!(a.dimensions(), b.dimensions());
    let n = a
        .pixels()
        .zip(b.pixels())
        .filter(|(p, q)| p.0.iter().zip(q.0).any(|(u, v)| u.abs_diff(v) > 64))
        .count();
    n as f64 / f64::from(a.width() * a.height())
}

#[test]
fn the_4k_slide_is_the_1080p_slide_at_twice_the_pixels() {
    let stamp = ["--title", "Same slide", "--subtitle", "at any resolution"];
    let (hd, _) = export("same-1080p", "1080p", &stamp);
    let (uhd, _) = export("same-4k", "4k", &stamp);
    let (hd, uhd) = (load(&hd), load(&uhd));
    assert_eq!(uhd.dimensions(), (3840, 2160));
    let share = share_differing(&hd, &halve(&uhd));
    assert!(share <= 0.015, "{:.2} % of pixels differ", share * 100.0);
    // The measure can fail: a slide shifted by 8 pixels is far more than 1.5 % off.
    let shifted = image::RgbaImage::from_fn(1920, 1080, |x, y| *hd.get_pixel((x + 8).min(1919), y));
    assert!(share_differing(&hd, &shifted) > 0.015);
}

#[test]
fn no_map_column_of_the_default_export_is_one_flat_colour() {
    let (png, _) = export("columns", "1080p", &[]);
    let img = load(&png);
    let flat: Vec<u32> = (0..img.width())
        .filter(|&x| {
            let first = img.get_pixel(x, 0);
            (1..img.height()).all(|y| img.get_pixel(x, y) == first)
        })
        .collect();
    assert!(flat.is_empty(), "flat columns: {flat:?}");
}

/// The layer kinds the legend keys, from the layout JSON.
fn legend_layers(layout: &serde_json::Value) -> std::collections::BTreeSet<String> {
    layout["legend"]
        .as_array()
        .expect("legend keys")
        .iter()
        .filter_map(|k| k["layer"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn the_legend_keys_exactly_the_visible_layers() {
    let set = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect();
    let cases: [(&str, &[&str], &[&str]); 4] = [
        // (--layers, extra arguments, keyed layers)
        (
            "basemap,provinces,report_places,training_camps",
            &[],
            &["provinces", "report_places", "training_camps"],
        ),
        (
            "basemap,towns,group_presence,heatmap",
            &[],
            &["towns", "group_presence", "heatmap"],
        ),
        (
            "basemap,districts,choropleth,incidents",
            &["--legend-basemap"],
            &["basemap", "districts", "choropleth", "incidents"],
        ),
        ("basemap,group_network", &[], &["group_network"]),
    ];
    for (i, (layers, extra, keyed)) in cases.iter().enumerate() {
        let mut args = vec!["--layers", layers];
        args.extend_from_slice(extra);
        let (_, layout) = export(&format!("legend-{i}"), "960x540", &args);
        assert_eq!(legend_layers(&layout), set(keyed), "--layers {layers}");
    }
}

#[test]
fn the_group_network_is_a_diagram_not_marks_on_the_map() {
    let (_, layout) = export(
        "network",
        "1080p",
        &["--layers", "basemap,provinces,group_network"],
    );
    let kinds = furniture_kinds(&layout);
    assert!(kinds.contains(&"network_diagram"), "{kinds:?}");
    let on_map: Vec<&str> = layout["labels"]
        .as_array()
        .expect("labels")
        .iter()
        .filter_map(|l| l["layer"].as_str())
        .filter(|l| l.starts_with("network"))
        .collect();
    assert!(on_map.is_empty(), "network labels on the map: {on_map:?}");
    let problems = layout_problems(&layout);
    assert!(
        problems
            .iter()
            .all(|p| p.starts_with("report place") || p.starts_with("only")),
        "{problems:#?}"
    );
}

#[test]
fn at_district_zoom_no_place_is_labelled_twice() {
    // Bannu, Karak and Lakki Marwat are districts and towns of one name.
    let (_, layout) = export("zoom8", "1080p", &["--center", "70.6,32.8", "--zoom", "8"]);
    let mut seen = std::collections::BTreeMap::new();
    for l in layout["labels"].as_array().expect("labels") {
        let name = l["text"]
            .as_str()
            .unwrap_or("")
            .to_lowercase()
            .replace(" (town)", "");
        *seen.entry(name).or_insert(0) += 1;
    }
    let twice: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "labelled more than once: {twice:?}");
    for name in ["bannu", "karak", "lakki marwat"] {
        assert_eq!(seen.get(name), Some(&1), "{name}");
    }
    assert!(
        layout_problems(&layout)
            .iter()
            .all(|p| p.starts_with("report place"))
    );
}

#[test]
fn the_legend_goes_where_the_user_puts_it() {
    for (corner, left, top) in [("bottom-left", true, false), ("top-right", false, true)] {
        // A short legend, which fits in any corner.
        let args = [
            "--legend-corner",
            corner,
            "--layers",
            "basemap,provinces,report_places,training_camps",
        ];
        let (_, layout) = export(&format!("corner-{corner}"), "960x540", &args);
        let legend = layout["furniture"]
            .as_array()
            .expect("furniture")
            .iter()
            .find(|f| f["kind"] == "legend")
            .map(Box4::from)
            .expect("legend");
        let (cx, cy) = (legend.x + legend.w / 2.0, legend.y + legend.h / 2.0);
        assert_eq!(cx < 480.0, left, "{corner}: {legend:?}");
        assert_eq!(cy < 270.0, top, "{corner}: {legend:?}");
    }
    let (code, _, err) = run_cli(&["export", "--out", "/tmp/x.png", "--legend-corner", "middle"]);
    assert_eq!(code, 1);
    assert!(err.contains("bad --legend-corner \"middle\""), "{err}");
}
