//! Decoding raster tile bytes (PNG, JPEG, WebP) into an egui image.

use egui::ColorImage;

/// Decode `bytes` (format from its magic number) to RGBA.
pub fn decode(bytes: &[u8]) -> Result<ColorImage, String> {
    let img = image::load_from_memory(bytes).map_err(|e| e.to_string())?;
    let rgba = img.to_rgba8();
    let size = [rgba.width() as usize, rgba.height() as usize];
    Ok(ColorImage::from_rgba_unmultiplied(size, rgba.as_raw()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn png_jpeg_and_webp_tiles_decode() {
        let img = image::RgbImage::from_pixel(8, 8, image::Rgb([200, 30, 40]));
        for format in [
            image::ImageFormat::Png,
            image::ImageFormat::Jpeg,
            image::ImageFormat::WebP,
        ] {
            let mut bytes = std::io::Cursor::new(Vec::new());
            img.write_to(&mut bytes, format).unwrap();
            let out = super::decode(bytes.get_ref()).unwrap();
            assert_eq!(out.size, [8, 8], "{format:?}");
            let p = out.pixels[27];
            assert!(
                p.r().abs_diff(200) < 8 && p.g().abs_diff(30) < 8,
                "{format:?} {p:?}"
            );
        }
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(super::decode(b"not an image").is_err());
    }
}
