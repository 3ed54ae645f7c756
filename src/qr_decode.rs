//! Reading a QR code from a greyscale picture with rqrr: the camera fallback where the
//! browser has no BarcodeDetector. It runs in its own worker bundle (src/bin/scanner.rs), off
//! the page's thread and out of the extras bundle: rqrr's Galois-field tables alone are about
//! 80 KB gzip, which only phones without BarcodeDetector ever download.

/// Reads a QR code from a greyscale picture (one byte per pixel, row by row).
pub fn decode_luma(w: usize, h: usize, luma: &[u8]) -> Option<String> {
    if w == 0 || h == 0 || luma.len() < w * h {
        return None;
    }
    let mut quirc = quircs::Quirc::default();
    let found = quirc
        .identify(w, h, &luma[..w * h])
        .find_map(|code| code.ok()?.decode().ok());
    found.and_then(|data| String::from_utf8(data.payload).ok())
}

#[cfg(test)]
mod tests {
    use super::decode_luma;

    /// A QR made by the same library as the CLI's posters, drawn as a greyscale picture with a
    /// margin and some grey noise, is read back.
    #[test]
    fn reads_a_check_in_qr() {
        let url = "https://qiaosi.example/checkin#AQJrMQx2dGlkZS1wYXJsb3VyAAAAAA";
        let code = qrcode::QrCode::with_error_correction_level(url, qrcode::EcLevel::L).unwrap();
        let n = code.width();
        let (scale, margin) = (6, 24);
        let w = n * scale + 2 * margin;
        let colors = code.to_colors();
        let luma: Vec<u8> = (0..w * w)
            .map(|i| {
                let (x, y) = (i % w, i / w);
                let inside =
                    x >= margin && y >= margin && x < margin + n * scale && y < margin + n * scale;
                let dark = inside
                    && colors[((y - margin) / scale) * n + (x - margin) / scale]
                        == qrcode::Color::Dark;
                if dark {
                    30 + (i % 7) as u8
                } else {
                    220 - (i % 11) as u8
                }
            })
            .collect();
        assert_eq!(decode_luma(w, w, &luma).as_deref(), Some(url));
        // Blank, short and empty pictures read nothing, without panicking.
        assert_eq!(decode_luma(w, w, &vec![200; w * w]), None);
        assert_eq!(decode_luma(w, w, &luma[..10]), None);
        assert_eq!(decode_luma(0, 0, &[]), None);
    }
}
