//! `qiaosi poster`: a printable A4 SVG for a check-in point: the point's name in both
//! languages, the QR code of a freshly issued URL, how to scan it, the validity window and the
//! URL in text (for a phone whose camera will not focus).
//!
//! The QR uses error correction level M (15 % of the code may be lost): a poster outdoors gets
//! rained on and scuffed. A typical URL (~155 characters) makes a version 9 code, 53×53
//! modules, each about 2.3 mm wide at the printed 14 cm: a phone reads it from a metre away.

use crate::args::{fail, load_pack, Args};
use crate::issue::{self, Issued};
use qiaosi_core::content::I18n;
use qiaosi_core::gpx::escape;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use std::process::ExitCode;

pub const USAGE: &str = "qiaosi poster --key FILE --point ID --pack pack.json \
--from YYYY-MM-DD[THH:MM] --until YYYY-MM-DD[THH:MM] [--long] --out poster.svg \
[--host https://HOST]";

pub const SCAN_ZH: &str = "用手机相机或微信扫码打卡";
pub const SCAN_EN: &str = "Scan with your phone camera or WeChat to check in";

/// Width of the printed QR code, quiet zone included, in millimetres.
const QR_MM: f64 = 140.0;
const PAGE_W: f64 = 210.0;
const ZH_FONT: &str =
    "'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif";

pub fn run(argv: &[&str]) -> ExitCode {
    let known = ["key", "point", "pack", "from", "until", "out", "host"];
    let result = Args::parse_with_switches(argv, &known, &["long"]).and_then(|a| {
        if !a.positional.is_empty() {
            return Err(format!("usage: {USAGE}"));
        }
        let out = a.need("out")?;
        let pack = load_pack(a.need("pack")?)?;
        let issued = issue::make(&a, Some(&pack))?;
        let name = pack.checkin_point_name(&issued.point_id);
        let svg = poster_svg(&issued, &name)?;
        std::fs::write(out, svg).map_err(|e| format!("{out}: cannot write: {e}"))?;
        Ok((out, name, issued))
    });
    match result {
        Ok((out, name, issued)) => {
            eprintln!(
                "wrote {out}: {} / {}, valid {}",
                name.zh,
                name.en,
                issued.window()
            );
            println!("{}", issued.url);
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

/// The QR code as an SVG fragment, one unit per module, quiet zone included; and its width.
pub fn qr_fragment(url: &str) -> Result<(String, usize), String> {
    let code = QrCode::with_error_correction_level(url, EcLevel::M)
        .map_err(|e| format!("cannot make a QR code of the URL: {e}"))?;
    let image = code
        .render::<svg::Color>()
        .quiet_zone(true)
        .module_dimensions(1, 1)
        .build();
    // An XML declaration may only open a document, not sit inside the poster's.
    let fragment = match image.find("<svg") {
        Some(i) => image[i..].to_string(),
        None => image,
    };
    Ok((fragment, code.width() + 8))
}

fn text(y: f64, size: f64, extra: &str, content: &str) -> String {
    format!(
        "<text x=\"{}\" y=\"{y}\" font-size=\"{size}\" text-anchor=\"middle\"{extra}>{}</text>\n",
        PAGE_W / 2.0,
        escape(content)
    )
}

pub fn poster_svg(issued: &Issued, name: &I18n) -> Result<String, String> {
    let (qr, modules) = qr_fragment(&issued.url)?;
    let scale = QR_MM / modules as f64;
    let x = (PAGE_W - QR_MM) / 2.0;
    let zh = format!(" font-family=\"{ZH_FONT}\"");
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"210mm\" height=\"297mm\" \
         viewBox=\"0 0 210 297\">\n<rect width=\"210\" height=\"297\" fill=\"#fff\"/>\n",
    );
    s.push_str(&text(
        24.0,
        6.0,
        &format!("{zh} fill=\"#555\""),
        "乔司导览 · 打卡点 Check-in point",
    ));
    s.push_str(&text(
        44.0,
        14.0,
        &format!("{zh} font-weight=\"bold\""),
        &name.zh,
    ));
    s.push_str(&text(57.0, 8.0, &zh, &name.en));
    s.push_str(&format!(
        "<g transform=\"translate({x} 66) scale({scale})\">{qr}</g>\n"
    ));
    s.push_str(&text(225.0, 8.5, &zh, SCAN_ZH));
    s.push_str(&text(236.0, 5.5, &zh, SCAN_EN));
    s.push_str(&text(
        250.0,
        4.2,
        &format!("{zh} fill=\"#333\""),
        &format!("有效期 Valid {}", issued.window()),
    ));
    // The URL in text, broken where a reader can follow it: the site, then the code in halves.
    let (site, token) = issued
        .url
        .split_once("/checkin#")
        .unwrap_or((&issued.url, ""));
    let mono = " font-family=\"'DejaVu Sans Mono',Menlo,Consolas,monospace\" fill=\"#333\"";
    s.push_str(&text(262.0, 3.2, mono, &format!("{site}/checkin#")));
    let half = token.len().div_ceil(2);
    // The token is base64url, plain ASCII, so any byte index is a character boundary.
    s.push_str(&text(267.0, 3.2, mono, &token[..half]));
    s.push_str(&text(272.0, 3.2, mono, &token[half..]));
    s.push_str(&text(
        288.0,
        4.0,
        &format!("{zh} fill=\"#888\""),
        "乔司导览 Qiaosi Guide",
    ));
    s.push_str("</svg>\n");
    Ok(s)
}
