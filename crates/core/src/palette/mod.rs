//! Group colours: a colour-blind-safe qualitative palette with every pair of colours at
//! least [`MIN_DELTA_E`] apart (CIE76 ΔE*ab in CIELAB, D65), also under simulated
//! protanopia, deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009, severity 1).
//!
//! The first seven entries are Okabe & Ito (2008) unchanged; their grey is left out (it sits
//! 13.2 from bluish green under deuteranopia) and two colours are added that keep every pair
//! ≥ 16 apart in all four simulations: Paul Tol's "wine" and a violet.

mod cvd;
mod lab;

pub use cvd::{Deficiency, simulate};
pub use lab::{delta_e76, srgb_to_lab};

/// Smallest CIE76 ΔE allowed between two group colours, with normal and simulated
/// colour-deficient vision.
pub const MIN_DELTA_E: f64 = 15.0;

/// The group palette (sRGB), indexed by a group's `colour_index`.
pub const GROUP_COLOURS: [[u8; 3]; 9] = [
    [230, 159, 0],   // 0 orange (Okabe–Ito)
    [86, 180, 233],  // 1 sky blue (Okabe–Ito)
    [0, 158, 115],   // 2 bluish green (Okabe–Ito)
    [204, 121, 167], // 3 reddish purple (Okabe–Ito)
    [213, 94, 0],    // 4 vermillion (Okabe–Ito)
    [0, 114, 178],   // 5 blue (Okabe–Ito)
    [240, 228, 66],  // 6 yellow (Okabe–Ito)
    [136, 34, 85],   // 7 wine (Tol)
    [150, 60, 255],  // 8 violet
];

/// Colour of palette entry `i` (wrapping, so any index gives a colour).
pub fn group_rgb(i: u8) -> [u8; 3] {
    GROUP_COLOURS[usize::from(i) % GROUP_COLOURS.len()]
}

/// The smallest ΔE76 between two distinct entries of `colours` as seen with `vision`
/// (`None` = normal vision), with the pair's indices. `None` for fewer than two colours.
pub fn min_pair_delta_e(
    colours: &[[u8; 3]],
    vision: Option<Deficiency>,
) -> Option<(f64, usize, usize)> {
    let seen: Vec<[u8; 3]> = colours
        .iter()
        .map(|&c| vision.map_or(c, |d| simulate(c, d)))
        .collect();
    let mut best: Option<(f64, usize, usize)> = None;
    for i in 0..seen.len() {
        for j in i + 1..seen.len() {
            let d = delta_e76(seen[i], seen[j]);
            if best.is_none_or(|b| d < b.0) {
                best = Some((d, i, j));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pair_is_distinct_in_every_vision() {
        for vision in [
            None,
            Some(Deficiency::Protanopia),
            Some(Deficiency::Deuteranopia),
            Some(Deficiency::Tritanopia),
        ] {
            let (d, i, j) = min_pair_delta_e(&GROUP_COLOURS, vision).expect("pairs");
            assert!(
                d >= MIN_DELTA_E,
                "{vision:?}: colours {i} and {j} only {d:.1} apart"
            );
        }
        // The measured minima (documented in the module docs): 26.4 normal, 16.2 tritan.
        let normal = min_pair_delta_e(&GROUP_COLOURS, None).unwrap().0;
        assert!((normal - 26.43).abs() < 0.05, "{normal}");
    }

    #[test]
    fn the_old_palette_fails_the_check() {
        // Okabe–Ito with its grey: bluish green and grey merge under deuteranopia (13.2),
        // and a repeated colour (Al-Qaeda and AQIS before) is 0 apart.
        let mut old: Vec<[u8; 3]> = GROUP_COLOURS[..7].to_vec();
        old.push([110, 110, 110]);
        let (d, i, j) = min_pair_delta_e(&old, Some(Deficiency::Deuteranopia)).unwrap();
        assert_eq!((i, j), (2, 7));
        assert!((d - 13.2).abs() < 0.1, "{d}");
        old.push([0, 114, 178]);
        assert_eq!(min_pair_delta_e(&old, None).unwrap().0, 0.0);
    }

    #[test]
    fn wraps_and_handles_short_lists() {
        assert_eq!(group_rgb(9), GROUP_COLOURS[0]);
        assert_eq!(group_rgb(8), [150, 60, 255]);
        assert_eq!(min_pair_delta_e(&[[0, 0, 0]], None), None);
    }
}
