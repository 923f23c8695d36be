//! sRGB to CIELAB (D65) and the CIE76 colour difference.

/// sRGB channel (0–255) to linear light (0–1).
pub(crate) fn linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.040_45 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// Linear light (clamped to 0–1) to an sRGB channel.
pub(crate) fn encode(c: f64) -> u8 {
    let c = c.clamp(0.0, 1.0);
    let v = if c <= 0.003_130_8 {
        12.92 * c
    } else {
        1.055 * c.powf(1.0 / 2.4) - 0.055
    };
    (v * 255.0).round() as u8
}

/// CIELAB `[L*, a*, b*]` of an sRGB colour (D65 white).
pub fn srgb_to_lab(rgb: [u8; 3]) -> [f64; 3] {
    let [r, g, b] = rgb.map(linear);
    let x = 0.412_456_4 * r + 0.357_576_1 * g + 0.180_437_5 * b;
    let y = 0.212_672_9 * r + 0.715_152_2 * g + 0.072_175_0 * b;
    let z = 0.019_333_9 * r + 0.119_192_0 * g + 0.950_304_1 * b;
    let f = |t: f64| {
        if t > 216.0 / 24_389.0 {
            t.cbrt()
        } else {
            (24_389.0 / 27.0 * t + 16.0) / 116.0
        }
    };
    let (fx, fy, fz) = (f(x / 0.950_47), f(y), f(z / 1.088_83));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// CIE76 colour difference ΔE*ab: Euclidean distance in CIELAB.
pub fn delta_e76(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (p, q) = (srgb_to_lab(a), srgb_to_lab(b));
    ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_lab_values() {
        let close = |a: [f64; 3], b: [f64; 3]| a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.05);
        assert!(close(srgb_to_lab([255, 255, 255]), [100.0, 0.0, 0.0]));
        assert!(close(srgb_to_lab([0, 0, 0]), [0.0, 0.0, 0.0]));
        // sRGB red: L 53.24, a 80.09, b 67.20 (Bruce Lindbloom's calculator, D65).
        assert!(
            close(srgb_to_lab([255, 0, 0]), [53.24, 80.09, 67.20]),
            "{:?}",
            srgb_to_lab([255, 0, 0])
        );
        assert!((delta_e76([255, 255, 255], [0, 0, 0]) - 100.0).abs() < 0.05);
        assert_eq!(delta_e76([1, 2, 3], [1, 2, 3]), 0.0);
    }

    #[test]
    fn encode_inverts_linear() {
        for c in [0u8, 1, 10, 128, 200, 255] {
            assert_eq!(encode(linear(c)), c);
        }
    }
}
