//! Value checks shared by project files and the command line: sizes, centres, zooms,
//! opacities, bandwidths, date ranges, and references between sources, layers and views.

use std::collections::HashSet;
use std::fmt;

use super::layer::{LayerDef, LayerKind};
use super::source::SourceKind;
use super::{BasemapSpec, Project, SavedView};

/// Smallest and largest export side, pixels.
pub const MIN_SIDE: u32 = 16;
pub const MAX_SIDE: u32 = 8192;
/// Tallest export, pixels: map text grows with the height, and past this its glyphs no
/// longer fit the renderer's font atlas (seen: 4320 renders, 5120 garbles text).
pub const MAX_HEIGHT: u32 = 4320;
/// Zoom range of views (as framed for a 1200-point-wide map).
pub const ZOOM_RANGE: (f64, f64) = (1.0, 18.0);

/// One bad value: the field (a path such as `layers[3].style.opacity`) and what is allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "field `{}`: {}", self.field, self.message)
    }
}

pub fn check_size(size: [u32; 2]) -> Result<(), String> {
    let [w, h] = size;
    if !(MIN_SIDE..=MAX_SIDE).contains(&w) || !(MIN_SIDE..=MAX_SIDE).contains(&h) {
        return Err(format!(
            "{w}×{h} pixels: width and height must be whole numbers from {MIN_SIDE} to {MAX_SIDE}"
        ));
    }
    if h > MAX_HEIGHT {
        return Err(format!(
            "{w}×{h} pixels: at most {MAX_HEIGHT} pixels high (taller, the map's text no longer \
             fits the renderer's font atlas); the largest 16:9 slide is 7680x4320, print A4 is \
             a4-300dpi (3508x2480)"
        ));
    }
    Ok(())
}

pub fn check_center(c: [f64; 2]) -> Result<(), String> {
    if (-180.0..=180.0).contains(&c[0]) && (-85.0..=85.0).contains(&c[1]) {
        Ok(())
    } else {
        Err(format!(
            "{}, {}: longitude must be −180 to 180 and latitude −85 to 85 degrees",
            c[0], c[1]
        ))
    }
}

pub fn check_zoom(z: f64) -> Result<(), String> {
    if (ZOOM_RANGE.0..=ZOOM_RANGE.1).contains(&z) {
        Ok(())
    } else {
        Err(format!("{z}: zoom must be from 1 to 18"))
    }
}

pub fn check_opacity(o: f32) -> Result<(), String> {
    if (0.0..=1.0).contains(&o) {
        Ok(())
    } else {
        Err(format!("{o}: opacity must be from 0 to 1"))
    }
}

/// A distance in km: finite, above 0 and at most `max`.
pub fn check_km(v: f64, max: f64) -> Result<(), String> {
    if v.is_finite() && v > 0.0 && v <= max {
        Ok(())
    } else {
        Err(format!(
            "{v}: must be a number of km above 0 and at most {max}"
        ))
    }
}

/// Widest band to the Afghanistan–Pakistan border, km.
pub const MAX_BORDER_KM: f64 = 1000.0;

/// A distance band to the border, km: finite, 0 or more, at most [`MAX_BORDER_KM`].
pub fn check_border_km(v: f64) -> Result<(), String> {
    if v.is_finite() && (0.0..=MAX_BORDER_KM).contains(&v) {
        Ok(())
    } else {
        Err(format!(
            "must be a finite number ≥ 0 (km, at most {MAX_BORDER_KM}), got {v}"
        ))
    }
}

/// A date range: the first day no later than the last.
pub fn check_date_range(
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
) -> Result<(), String> {
    match (from, to) {
        (Some(a), Some(b)) if a > b => Err(format!("from {a} is later than to {b}")),
        _ => Ok(()),
    }
}

/// An XYZ URL template must have `{z}`, `{x}` and `{y}` and be http(s).
pub fn check_url_template(url: &str) -> Result<(), String> {
    let missing: Vec<&str> = ["{z}", "{x}", "{y}"]
        .into_iter()
        .filter(|p| !url.contains(p))
        .collect();
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err(format!(
            "{url:?}: a tile URL must start with http:// or https://"
        ));
    }
    if !missing.is_empty() {
        return Err(format!(
            "{url:?}: a tile URL template needs {}",
            missing.join(", ")
        ));
    }
    Ok(())
}

/// Every problem with the project's values (empty when it is fine).
pub fn validate_project(p: &Project) -> Vec<FieldError> {
    let mut out = Vec::new();
    let mut push = |field: String, r: Result<(), String>| {
        if let Err(message) = r {
            out.push(FieldError { field, message });
        }
    };
    push("layout.size".into(), check_size(p.layout.size));
    let mut ids = HashSet::new();
    for (i, s) in p.sources.iter().enumerate() {
        let f = |x: &str| format!("sources[{i}].{x}");
        push(f("id"), unique(&mut ids, &s.id, "source"));
        if let Some(file) = s.file() {
            push(f("file"), check_file(file));
        }
        match &s.kind {
            SourceKind::Incidents { border_km, .. } => {
                push(f("border_km"), check_border_km(*border_km))
            }
            SourceKind::ReportText {
                file: None,
                text: None,
            } => push(
                f("text"),
                Err("a report text needs a `file` or a `text`".into()),
            ),
            _ => {}
        }
    }
    let mut lids = HashSet::new();
    for (i, l) in p.layers.iter().enumerate() {
        for (field, r) in check_layer(p, l) {
            push(format!("layers[{i}].{field}"), r);
        }
        push(format!("layers[{i}].id"), unique(&mut lids, &l.id, "layer"));
    }
    let mut aids = HashSet::new();
    for (i, l) in p.layers.iter().enumerate() {
        for (j, a) in l.annotations.iter().enumerate() {
            if !aids.insert(a.id) {
                push(
                    format!("layers[{i}].annotations[{j}].id"),
                    Err(format!("{}: another annotation has this id", a.id)),
                );
            }
        }
    }
    let mut names = HashSet::new();
    for (i, v) in p.views.iter().enumerate() {
        for (field, r) in check_view(p, v) {
            push(format!("views[{i}].{field}"), r);
        }
        push(
            format!("views[{i}].name"),
            unique(&mut names, &v.name, "view"),
        );
    }
    if let BasemapSpec::Xyz { url, max_zoom, .. } = &p.basemap {
        push("basemap.url".into(), check_url_template(url));
        if *max_zoom > 22 {
            push(
                "basemap.max_zoom".into(),
                Err(format!("{max_zoom}: at most 22")),
            );
        }
    }
    if let BasemapSpec::Mbtiles { file } | BasemapSpec::Pmtiles { file } = &p.basemap {
        push("basemap.file".into(), check_file(file));
    }
    out
}

fn unique(seen: &mut HashSet<String>, id: &str, what: &str) -> Result<(), String> {
    if id.trim().is_empty() {
        return Err(format!("a {what} needs a non-empty name"));
    }
    if !seen.insert(id.to_owned()) {
        return Err(format!("{id:?}: another {what} has this name"));
    }
    Ok(())
}

fn check_file(f: &super::FileRef) -> Result<(), String> {
    match (&f.bundled, &f.path, &f.absolute) {
        (Some(_), None, None) | (None, Some(_), _) | (None, None, Some(_)) => Ok(()),
        (None, None, None) => Err("needs `bundled` or `path`".into()),
        _ => Err("give either `bundled` or `path`, not both".into()),
    }
}

type Check = (String, Result<(), String>);

fn check_layer(p: &Project, l: &LayerDef) -> Vec<Check> {
    let mut out = vec![("style.opacity".into(), check_opacity(l.style.opacity))];
    let want = match l.kind {
        k if k.is_density() || k == LayerKind::BorderBand => Some("incidents"),
        k if k.is_report() => Some("findings"),
        LayerKind::CampPoints => Some("camp_points"),
        LayerKind::TextPlaces => Some("report_text"),
        _ => None,
    };
    let src = l.source.as_deref().map(|id| (id, p.source(id)));
    let r = match (want, src) {
        (None, None) => Ok(()),
        (None, Some(_)) => Err(format!("a {} layer draws no source", l.kind.key())),
        (Some(w), None) => Err(format!("a {} layer needs a {w} source", l.kind.key())),
        (Some(_), Some((id, None))) => Err(format!("no source has the id {id:?}")),
        (Some(w), Some((id, Some(s)))) if source_key(&s.kind) != w => Err(format!(
            "source {id:?} is {}, a {} layer needs {w}",
            source_key(&s.kind),
            l.kind.key()
        )),
        _ => Ok(()),
    };
    out.push(("source".into(), r));
    if !l.annotations.is_empty() && l.kind != LayerKind::Annotations {
        out.push((
            "annotations".into(),
            Err(format!("a {} layer holds no annotations", l.kind.key())),
        ));
    }
    for (i, a) in l.annotations.iter().enumerate() {
        for (field, m) in super::check_annotation(a) {
            out.push((format!("annotations[{i}].{field}"), Err(m)));
        }
    }
    if let Some(d) = &l.style.density {
        out.push((
            "style.density.bandwidth_km".into(),
            check_km(d.bandwidth_km, 500.0),
        ));
        let classes = if (2..=9).contains(&d.classes) {
            Ok(())
        } else {
            Err(format!("{}: from 2 to 9 classes", d.classes))
        };
        out.push(("style.density.classes".into(), classes));
    }
    if l.filter.from.is_some() && l.filter.to.is_some() {
        out.push((
            "filter".into(),
            check_date_range(l.filter.from, l.filter.to),
        ));
    }
    out
}

fn source_key(k: &SourceKind) -> &'static str {
    match k {
        SourceKind::Incidents { .. } => "incidents",
        SourceKind::CampPoints { .. } => "camp_points",
        SourceKind::Findings { .. } => "findings",
        SourceKind::ReportText { .. } => "report_text",
    }
}

fn check_view(p: &Project, v: &SavedView) -> Vec<Check> {
    let mut out = vec![
        ("center".into(), check_center(v.center)),
        ("zoom".into(), check_zoom(v.zoom)),
    ];
    for (j, id) in v.layers.iter().flatten().enumerate() {
        let r = match p.layer(id) {
            Some(_) => Ok(()),
            None => Err(format!("no layer has the id {id:?}")),
        };
        out.push((format!("layers[{j}]"), r));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_values_name_their_field() {
        let mut p = Project::default();
        p.layout.size = [1, 1];
        p.layers[2].style.opacity = f32::INFINITY;
        p.views.push(SavedView::new("v", [1e308, 0.0], 1000.0));
        p.views.push(SavedView {
            layers: Some(vec!["nope".into()]),
            ..SavedView::new("v", [70.0, 30.0], 6.0)
        });
        let fields: Vec<String> = validate_project(&p).into_iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                "layout.size",
                "layers[2].style.opacity",
                "views[0].center",
                "views[0].zoom",
                "views[1].layers[0]",
                "views[1].name"
            ]
        );
        assert!(validate_project(&Project::default()).is_empty());
    }

    #[test]
    fn checks_refuse_what_they_should() {
        assert!(check_km(f64::NAN, 10.0).is_err());
        assert!(check_km(f64::INFINITY, 10.0).is_err());
        assert!(check_km(-5.0, 10.0).is_err());
        assert!(check_km(0.0, 10.0).is_err());
        assert!(check_km(10.0, 10.0).is_ok());
        for v in [f64::NAN, f64::INFINITY, -5.0, 1000.5] {
            let e = check_border_km(v).expect_err("bad band");
            assert!(e.starts_with("must be a finite number ≥ 0"), "{e}");
            assert!(e.ends_with(&format!("got {v}")), "{e}");
        }
        assert_eq!(
            check_border_km(f64::NAN).expect_err("NaN"),
            "must be a finite number ≥ 0 (km, at most 1000), got NaN"
        );
        assert!(check_border_km(0.0).is_ok() && check_border_km(1000.0).is_ok());
        let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(
            check_date_range(d("2024-05-01"), d("2024-01-31")),
            Err("from 2024-05-01 is later than to 2024-01-31".into())
        );
        assert!(check_date_range(d("2024-01-01"), d("2024-01-01")).is_ok());
        assert!(check_date_range(d("2024-05-01"), None).is_ok());
        assert!(check_size([8192, 16]).is_ok());
        assert!(check_size([7680, 4320]).is_ok());
        assert!(
            check_size([16, 4321])
                .unwrap_err()
                .contains("at most 4320 pixels high")
        );
        assert!(check_size([8193, 100]).is_err());
        assert!(check_size([15, 100]).is_err());
        assert!(check_zoom(f64::NAN).is_err());
        assert!(check_opacity(f32::NAN).is_err());
        let e = check_url_template("https://t.example/{z}/{x}.png").expect_err("no y");
        assert!(e.ends_with("needs {y}"), "{e}");
        assert!(check_url_template("ftp://x/{z}/{x}/{y}").is_err());
        assert!(check_url_template("https://x/{z}/{x}/{y}.png").is_ok());
    }

    #[test]
    fn layers_must_draw_a_source_of_their_kind() {
        let mut p = Project::default();
        p.layer_mut("demo-heatmap").expect("heat").source = Some("report".into());
        p.layer_mut("towns").expect("towns").source = Some("demo".into());
        let e = validate_project(&p);
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(e[0].message.contains("needs incidents"), "{}", e[0].message);
        assert!(e[1].message.contains("draws no source"), "{}", e[1].message);
    }
}
