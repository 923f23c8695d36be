//! Simulated colour-vision deficiency: Machado, Oliveira & Fernandes (2009) matrices at
//! severity 1.0, applied to linear-light sRGB.

use super::lab::{encode, linear};

/// A dichromacy to simulate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deficiency {
    Protanopia,
    Deuteranopia,
    Tritanopia,
}

const PROTANOPIA: [[f64; 3]; 3] = [
    [0.152_286, 1.052_583, -0.204_868],
    [0.114_503, 0.786_281, 0.099_216],
    [-0.003_882, -0.048_116, 1.051_998],
];
const DEUTERANOPIA: [[f64; 3]; 3] = [
    [0.367_322, 0.860_646, -0.227_968],
    [0.280_085, 0.672_501, 0.047_413],
    [-0.011_820, 0.042_940, 0.968_881],
];
const TRITANOPIA: [[f64; 3]; 3] = [
    [1.255_528, -0.076_749, -0.178_779],
    [-0.078_411, 0.930_809, 0.147_602],
    [0.004_733, 0.691_367, 0.303_900],
];

/// The sRGB colour as seen with deficiency `d`.
pub fn simulate(rgb: [u8; 3], d: Deficiency) -> [u8; 3] {
    let m = match d {
        Deficiency::Protanopia => &PROTANOPIA,
        Deficiency::Deuteranopia => &DEUTERANOPIA,
        Deficiency::Tritanopia => &TRITANOPIA,
    };
    let l = rgb.map(linear);
    let row = |r: &[f64; 3]| encode(r[0] * l[0] + r[1] * l[1] + r[2] * l[2]);
    [row(&m[0]), row(&m[1]), row(&m[2])]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greys_stay_grey_and_red_green_merge() {
        // Each Machado matrix's rows sum to ~1, so neutral greys are unchanged.
        for d in [
            Deficiency::Protanopia,
            Deficiency::Deuteranopia,
            Deficiency::Tritanopia,
        ] {
            for g in [0u8, 128, 255] {
                let s = simulate([g, g, g], d);
                assert!(s.iter().all(|&c| c.abs_diff(g) <= 1), "{d:?} {g}: {s:?}");
            }
        }
        // Pure red and green become much closer under deuteranopia.
        let (r, g) = ([200, 40, 40], [40, 160, 40]);
        let normal = super::super::delta_e76(r, g);
        let deut = super::super::delta_e76(
            simulate(r, Deficiency::Deuteranopia),
            simulate(g, Deficiency::Deuteranopia),
        );
        assert!(deut < normal / 2.0, "{normal} -> {deut}");
    }
}
