//! How far the Natural Earth AF–PK border (basemap, distance analysis) is from the
//! geoBoundaries outlines of Afghanistan and Pakistan (admin layers): measured along the
//! border, asserted at the values documented in data/sources/SOURCES.md ("AF–PK border").

use std::path::{Path, PathBuf};

use atlas_core::analysis::{BorderLine, boundary_between};
use atlas_core::data::{bundled_data_dir, load_gazetteer};
use atlas_core::model::UnitKind;
use geo::{Distance, Haversine, MultiLineString, MultiPolygon, Point};

/// Sampling step along a line, km.
const STEP_KM: f64 = 0.25;

fn ne_lines() -> PathBuf {
    bundled_data_dir().join("basemap/ne_10m_admin_0_boundary_lines_land.geojson")
}

fn ne_border(a: &str, b: &str) -> MultiLineString<f64> {
    let text = std::fs::read_to_string(ne_lines()).expect("NE lines");
    boundary_between(&text, a, b).unwrap_or_else(|e| panic!("{a}-{b}: {e}"))
}

/// Points every [`STEP_KM`] along every segment of `lines`.
fn samples(lines: &MultiLineString<f64>) -> Vec<Point<f64>> {
    let mut out = Vec::new();
    for l in lines {
        for seg in l.lines() {
            let (a, b) = (Point::from(seg.start), Point::from(seg.end));
            let n = (Haversine.distance(a, b) / 1000.0 / STEP_KM)
                .ceil()
                .max(1.0) as usize;
            for i in 0..n {
                let t = i as f64 / n as f64;
                out.push(Point::new(
                    a.x() + t * (b.x() - a.x()),
                    a.y() + t * (b.y() - a.y()),
                ));
            }
        }
    }
    out
}

fn outline(mp: &MultiPolygon<f64>) -> MultiLineString<f64> {
    MultiLineString::new(mp.0.iter().map(|p| p.exterior().clone()).collect())
}

/// Samples of `outline` that belong to the AF–PK section: their nearest Natural Earth border
/// of the country is the AF–PK one, within 50 km.
fn af_pk_section(
    outline: &MultiLineString<f64>,
    pk: &BorderLine,
    others: &[BorderLine],
) -> Vec<Point<f64>> {
    samples(outline)
        .into_iter()
        .filter(|p| {
            let d = pk.distance_km(p.x(), p.y());
            d < 50.0 && others.iter().all(|o| o.distance_km(p.x(), p.y()) > d)
        })
        .collect()
}

#[derive(Debug)]
struct Stats {
    n: usize,
    mean: f64,
    p95: f64,
    max: f64,
    at: [f64; 2],
    over_1km: f64,
}

fn stats(points: &[Point<f64>], to: &BorderLine) -> Stats {
    let mut d: Vec<(f64, Point<f64>)> = points
        .iter()
        .map(|p| (to.distance_km(p.x(), p.y()), *p))
        .collect();
    d.sort_by(|a, b| a.0.total_cmp(&b.0));
    let n = d.len();
    let (max, at) = d
        .last()
        .map(|(m, p)| (*m, [p.x(), p.y()]))
        .unwrap_or((0.0, [0.0; 2]));
    Stats {
        n,
        mean: d.iter().map(|x| x.0).sum::<f64>() / n.max(1) as f64,
        p95: d.get(n * 95 / 100).map_or(0.0, |x| x.0),
        max,
        at,
        over_1km: d.iter().filter(|x| x.0 > 1.0).count() as f64 / n.max(1) as f64,
    }
}

fn near_parachinar(p: &Point<f64>) -> bool {
    (69.6..=70.4).contains(&p.x()) && (33.6..=34.2).contains(&p.y())
}

#[test]
fn natural_earth_and_geoboundaries_af_pk_borders_diverge_by_kilometres() {
    let (gaz, diags) = load_gazetteer(&bundled_data_dir());
    assert!(diags.is_empty(), "{diags:?}");
    let country = |id: &str| {
        gaz.units_of(UnitKind::Country)
            .find(|u| u.id == id)
            .map(|u| u.geometry.clone())
            .unwrap_or_else(|| panic!("{id}"))
    };
    let ne = BorderLine::new(&ne_border("AFG", "PAK"));
    let af_others: Vec<BorderLine> = ["IRN", "TKM", "UZB", "TJK", "CHN"]
        .iter()
        .map(|c| BorderLine::new(&ne_border("AFG", c)))
        .collect();
    let pk_others: Vec<BorderLine> = ["IRN", "IND", "CHN"]
        .iter()
        .map(|c| BorderLine::new(&ne_border("PAK", c)))
        .collect();
    let (afg, pak) = (outline(&country("AFG")), outline(&country("PAK")));
    let afg_section = af_pk_section(&afg, &ne, &af_others);
    let pak_section = af_pk_section(&pak, &ne, &pk_others);
    let ne_samples = samples(&ne_border("AFG", "PAK"));

    let afg_vs_ne = stats(&afg_section, &ne);
    let pak_vs_ne = stats(&pak_section, &ne);
    let afg_vs_pak = stats(&afg_section, &BorderLine::new(&pak));
    let ne_vs_afg = stats(&ne_samples, &BorderLine::new(&afg));
    let ne_vs_pak = stats(&ne_samples, &BorderLine::new(&pak));
    let local: Vec<Point<f64>> = afg_section
        .iter()
        .copied()
        .filter(near_parachinar)
        .collect();
    let local_pak: Vec<Point<f64>> = pak_section
        .iter()
        .copied()
        .filter(near_parachinar)
        .collect();
    let afg_local = stats(&local, &ne);
    let pak_local = stats(&local_pak, &ne);
    for (what, s) in [
        ("geoBoundaries AFG -> NE", &afg_vs_ne),
        ("geoBoundaries PAK -> NE", &pak_vs_ne),
        ("geoBoundaries AFG -> geoBoundaries PAK", &afg_vs_pak),
        ("NE -> geoBoundaries AFG", &ne_vs_afg),
        ("NE -> geoBoundaries PAK", &ne_vs_pak),
        ("near Parachinar: AFG -> NE", &afg_local),
        ("near Parachinar: PAK -> NE", &pak_local),
    ] {
        println!(
            "{what}: n {} mean {:.2} km p95 {:.2} km max {:.2} km at {:.3},{:.3}; {:.0}% over 1 km",
            s.n,
            s.mean,
            s.p95,
            s.max,
            s.at[0],
            s.at[1],
            s.over_1km * 100.0
        );
    }
    // The values documented in data/sources/SOURCES.md (0.25 km sampling).
    let near = |got: f64, want: f64| (got - want).abs() < 0.05;
    for (what, s, mean, max) in [
        ("AFG -> NE", &afg_vs_ne, 1.41, 6.74),
        ("PAK -> NE", &pak_vs_ne, 2.47, 16.00),
        ("AFG -> PAK", &afg_vs_pak, 2.45, 12.56),
        ("NE -> AFG", &ne_vs_afg, 1.21, 5.09),
        ("NE -> PAK", &ne_vs_pak, 2.43, 13.40),
        ("Parachinar AFG -> NE", &afg_local, 1.08, 3.05),
        ("Parachinar PAK -> NE", &pak_local, 0.91, 2.45),
    ] {
        assert!(near(s.mean, mean) && near(s.max, max), "{what}: {s:?}");
    }
    // The section found is the whole border (~2,600 km of Natural Earth line) on both sides.
    assert!(afg_vs_ne.n as f64 * STEP_KM > 2_500.0 && pak_vs_ne.n as f64 * STEP_KM > 2_000.0);
}

/// The distance analysis reads the same Natural Earth file the basemap draws the border from.
#[test]
fn the_analysis_and_the_basemap_use_one_border_file() {
    let analysis = atlas_core::analysis::af_pk_border_from_file(&ne_lines()).expect("border");
    assert_eq!(analysis, ne_border("AFG", "PAK"));
    assert!(Path::new(&ne_lines()).ends_with(atlas_core::basemap::BORDERS_FILE));
}
