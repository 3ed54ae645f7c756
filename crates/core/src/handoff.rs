//! Hand-off to the phone's maps apps, each given coordinates in the datum it expects:
//! 高德 (Amap) GCJ-02, 百度 (Baidu) BD-09, Apple Maps WGS-84. Positions in the pack are WGS-84.

use crate::geo::{degrees, wgs84_to_bd09, wgs84_to_gcj02, LatLng};

/// Percent-encodes a query value (UTF-8), keeping only unreserved characters.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Amap's web marker URL; opens the app where installed (`callnative=1`).
pub fn amap(name: &str, p: LatLng) -> String {
    let g = wgs84_to_gcj02(p);
    format!(
        "https://uri.amap.com/marker?position={},{}&name={}&coordinate=gaode&callnative=1",
        degrees(g.lng),
        degrees(g.lat),
        encode(name)
    )
}

/// Baidu's web marker URL in BD-09 (`coord_type=bd09ll`).
pub fn baidu(name: &str, p: LatLng) -> String {
    let b = wgs84_to_bd09(p);
    format!(
        "https://api.map.baidu.com/marker?location={},{}&title={}&content={}&coord_type=bd09ll&output=html&src=webapp.qiaosi.guide",
        degrees(b.lat),
        degrees(b.lng),
        encode(name),
        encode(name)
    )
}

/// Apple Maps takes WGS-84 and converts for its China map itself.
pub fn apple(name: &str, p: LatLng) -> String {
    format!(
        "https://maps.apple.com/?ll={},{}&q={}",
        degrees(p.lat),
        degrees(p.lng),
        encode(name)
    )
}

/// The three apps' links for a place: a pin where the place is located, otherwise a search
/// for its Chinese name in its area. A pin on an approximate point would send the walker to a
/// guess with turn-by-turn certainty.
pub struct Links {
    pub amap: String,
    pub baidu: String,
    pub apple: String,
}

pub fn for_place(place: &crate::content::Place, english: bool) -> Links {
    let name = place.name.get(english);
    match place.located() {
        Some(at) => Links {
            amap: amap(name, at),
            baidu: baidu(name, at),
            apple: apple(name, at),
        },
        None => {
            // The apps search Chinese names best, whatever language the guide is in.
            let q = match &place.area {
                Some(a) if !place.name.zh.contains(&a.zh) => format!("{} {}", a.zh, place.name.zh),
                _ => place.name.zh.clone(),
            };
            Links {
                amap: format!(
                    "https://uri.amap.com/search?keyword={}&city=330100&callnative=1",
                    encode(&q)
                ),
                baidu: format!(
                    "https://api.map.baidu.com/place/search?query={}&region={}&output=html&src=webapp.qiaosi.guide",
                    encode(&q),
                    encode("杭州")
                ),
                apple: format!("https://maps.apple.com/?q={}", encode(&q)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_without_a_located_position_is_searched_for_not_pinned() {
        use crate::content::{I18n, Position, Precision};
        let mut p = crate::content::tests::place("p");
        p.name = I18n {
            zh: "24小时图书馆".into(),
            en: "24-hour Library".into(),
        };
        p.area = Some(I18n {
            zh: "乔司街道".into(),
            en: "Qiaosi".into(),
        });
        p.position = Some(Position {
            lat: 30.35,
            lng: 120.28,
            precision: Precision::Approximate { radius_m: 3000 },
        });
        let l = for_place(&p, true);
        assert!(l.amap.starts_with("https://uri.amap.com/search?keyword="));
        assert!(l.amap.contains(&encode("乔司街道 24小时图书馆")));
        assert!(l.baidu.contains("/place/search?") && !l.baidu.contains("location="));
        assert!(!l.apple.contains("ll="));
        p.position = Some(Position {
            lat: 30.35,
            lng: 120.28,
            precision: Precision::Approximate { radius_m: 30 },
        });
        let l = for_place(&p, true);
        assert!(
            l.amap.contains("/marker?position=") && l.apple.contains("ll=30.350000,120.280000")
        );
    }
    use crate::geo::{bd09_to_gcj02, gcj02_to_wgs84};

    fn coords(url: &str, key: &str) -> (f64, f64) {
        let v = url.split(key).nth(1).unwrap().split('&').next().unwrap();
        let (a, b) = v.split_once(',').unwrap();
        (a.parse().unwrap(), b.parse().unwrap())
    }

    #[test]
    fn each_app_gets_its_own_datum() {
        let p = LatLng {
            lat: 30.336,
            lng: 120.288,
        };
        let (lng, lat) = coords(&amap("x", p), "position=");
        let back = gcj02_to_wgs84(LatLng { lat, lng });
        assert!((back.lat - p.lat).abs() < 1e-5 && (back.lng - p.lng).abs() < 1e-5);
        // GCJ-02 is visibly shifted from WGS-84 around Hangzhou (hundreds of metres).
        assert!((lng - p.lng).abs() > 0.003);
        let (lat, lng) = coords(&baidu("x", p), "location=");
        let back = gcj02_to_wgs84(bd09_to_gcj02(LatLng { lat, lng }));
        assert!((back.lat - p.lat).abs() < 1e-5 && (back.lng - p.lng).abs() < 1e-5);
        assert_eq!(coords(&apple("x", p), "ll="), (30.336, 120.288));
    }

    #[test]
    fn names_are_encoded() {
        assert_eq!(encode("牛角 A&B"), "%E7%89%9B%E8%A7%92%20A%26B");
        assert!(amap(
            "乔司“潮”",
            LatLng {
                lat: 30.0,
                lng: 120.0
            }
        )
        .contains("name=%E4%B9%94"));
        assert_eq!(degrees(-0.5), "-0.500000");
        assert_eq!(degrees(120.2880004), "120.288000");
    }
}
