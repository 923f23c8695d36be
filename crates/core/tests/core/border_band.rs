//! The border band drawn on the map agrees with the border analysis: every vertex of its
//! outline lies N km from the real Afghanistan–Pakistan border (within 0.5 %), and seeded
//! random points near the border are inside it exactly when the analysis puts them within
//! N km (away from the edge's 0.5 % tolerance).

use std::path::Path;

use atlas_core::analysis::{BorderLine, af_pk_border_from_file, border_band};
use geo::{Contains, Point};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const NE_LINES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/sources/basemap/ne_10m_admin_0_boundary_lines_land.geojson"
);

fn border() -> BorderLine {
    let line = af_pk_border_from_file(Path::new(NE_LINES)).expect("border");
    BorderLine::new(&line)
}

#[test]
fn the_outline_lies_n_km_from_the_border() {
    let b = border();
    for km in [10.0, 50.0, 150.0] {
        let band = border_band(b.line(), km);
        assert!(!band.0.is_empty());
        let mut n = 0;
        for poly in &band.0 {
            for ring in std::iter::once(poly.exterior()).chain(poly.interiors()) {
                for c in ring.coords() {
                    let d = b.distance_km(c.x, c.y);
                    assert!(
                        (d - km).abs() <= km * 0.005,
                        "{d} km at {c:?} for a {km} km band"
                    );
                    n += 1;
                }
            }
        }
        assert!(n > 100, "{n} vertices");
    }
}

#[test]
fn points_are_inside_exactly_when_the_analysis_says_so() {
    let b = border();
    let km = 50.0;
    let band = border_band(b.line(), km);
    let vertices: Vec<_> = b
        .line()
        .0
        .iter()
        .flat_map(|l| l.0.iter().copied())
        .collect();
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let (mut inside, mut outside) = (0, 0);
    for _ in 0..4000 {
        let v = vertices[rng.random_range(0..vertices.len())];
        let (lon, lat) = (
            v.x + rng.random_range(-1.2..1.2),
            v.y + rng.random_range(-1.2..1.2),
        );
        let d = b.distance_km(lon, lat);
        if (d - km).abs() <= km * 0.005 {
            continue;
        }
        let within = band.contains(&Point::new(lon, lat));
        assert_eq!(within, d < km, "({lon}, {lat}) is {d} km from the border");
        if within {
            inside += 1;
        } else {
            outside += 1;
        }
    }
    assert!(
        inside > 500 && outside > 500,
        "{inside} inside, {outside} outside"
    );
}

#[test]
fn no_band_for_an_empty_line_or_a_bad_width() {
    let b = border();
    assert!(border_band(b.line(), 0.0).0.is_empty());
    assert!(border_band(b.line(), f64::NAN).0.is_empty());
    assert!(
        border_band(&geo::MultiLineString::new(vec![]), 50.0)
            .0
            .is_empty()
    );
}
