//! `qiaosi pinyin [--check] <pack.json>`: writes every place's pinyin keys into the pack.
//!
//! Search in the app matches pinyin and pinyin initials, but a pinyin table is far too big for
//! the wasm, so the readings are computed here, once per content change, and travel in the
//! pack. `--check` lets the test suite and CI catch a pack whose names changed without the
//! keys being regenerated.

use pinyin::ToPinyinMulti;
use qiaosi_core::content::Pack;
use serde::Serialize;
use std::process::ExitCode;

/// Heteronyms multiply: a name of eight two-reading characters has 256 readings. The usual
/// reading always comes first; beyond this many the rare combinations are not worth the bytes.
pub const MAX_READINGS: usize = 8;

/// Characters whose other readings are in everyday use, with those readings. The crate's
/// heteronym data also carries archaic and dictionary-only readings (司 cí, 服 bì, 杭 kāng):
/// keys from those would fill the pack and let nonsense queries find places, so only the
/// readings listed here are added to the usual one. Place names are the guide: 银行 háng,
/// 重庆 chóng, 厦门 xià, 弄堂 lòng, 六安 lù, 番禺 pān.
#[rustfmt::skip]
const EVERYDAY: &[(char, &str)] = &[
    ('行', "xing hang"), ('长', "chang zhang"), ('重', "zhong chong"), ('乐', "le yue"),
    ('传', "chuan zhuan"), ('会', "hui kuai"), ('朝', "chao zhao"), ('都', "du dou"),
    ('还', "hai huan"), ('厦', "sha xia"), ('单', "dan shan chan"), ('曾', "ceng zeng"),
    ('解', "jie xie"), ('角', "jiao jue"), ('堡', "bao pu bu"), ('埔', "pu bu"), ('泊', "bo po"),
    ('车', "che ju"), ('藏', "cang zang"), ('降', "jiang xiang"), ('调', "diao tiao"),
    ('地', "di de"), ('和', "he huo hu"), ('觉', "jue jiao"), ('差', "cha chai ci"),
    ('参', "can shen cen"), ('便', "bian pian"), ('薄', "bao bo"), ('省', "sheng xing"),
    ('血', "xue xie"), ('模', "mo mu"), ('落', "luo la lao"), ('露', "lu lou"), ('弄', "nong long"),
    ('巷', "xiang hang"), ('石', "shi dan"), ('柏', "bai bo"), ('秘', "mi bi"), ('查', "cha zha"),
    ('盛', "sheng cheng"), ('宿', "su xiu"), ('莘', "shen xin"), ('番', "fan pan"), ('六', "liu lu"),
    ('蚌', "bang beng"), ('乘', "cheng sheng"), ('仇', "chou qiu"), ('着', "zhe zhao zhuo"),
    ('了', "le liao"), ('得', "de dei"), ('折', "zhe she"), ('塞', "sai se"), ('给', "gei ji"),
    ('系', "xi ji"), ('圈', "quan juan"), ('强', "qiang jiang"), ('似', "si shi"), ('提', "ti di"),
    ('尉', "wei yu"), ('蔚', "wei yu"), ('洗', "xi xian"), ('校', "xiao jiao"), ('佛', "fo fu"),
    ('阿', "a e"), ('圩', "wei xu"), ('那', "na nei"), ('奇', "qi ji"), ('卡', "ka qia"),
    ('仔', "zi zai"), ('铅', "qian yan"), ('歙', "she xi"),
];

/// The keys for a Chinese name, as stored in [`qiaosi_core::content::Place::pinyin`]:
/// toneless lowercase syllables separated by single spaces, one entry per reading, the usual
/// reading first. Runs of ASCII letters and digits ("24", "A") stay whole as tokens of their
/// own; punctuation only separates.
pub fn keys(name: &str) -> Vec<String> {
    let mut readings: Vec<Vec<String>> = vec![vec![]];
    let mut run = String::new();
    for c in name.chars() {
        // Full-width forms ("２４", "Ａ") are what Chinese keyboards often produce.
        let c = match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        };
        if c.is_ascii_alphanumeric() {
            run.push(c.to_ascii_lowercase());
            continue;
        }
        flush(&mut readings, &mut run);
        let Some(multi) = c.to_pinyin_multi() else {
            continue;
        };
        let everyday = EVERYDAY
            .iter()
            .find(|(ch, _)| *ch == c)
            .map_or("", |(_, r)| *r);
        let mut options: Vec<String> = Vec::new();
        for p in multi {
            let plain = toneless(p.plain());
            let usual = options.is_empty();
            // Many heteronyms differ only in tone, which keys do not keep.
            if !plain.is_empty()
                && !options.contains(&plain)
                && (usual || everyday.split(' ').any(|r| r == plain))
            {
                options.push(plain);
            }
        }
        let mut next = Vec::new();
        'combine: for reading in &readings {
            for option in &options {
                if next.len() == MAX_READINGS {
                    break 'combine;
                }
                let mut r = reading.clone();
                r.push(option.clone());
                next.push(r);
            }
        }
        if !next.is_empty() {
            readings = next;
        }
    }
    flush(&mut readings, &mut run);
    let mut out: Vec<String> = readings
        .into_iter()
        .map(|r| r.join(" "))
        .filter(|k| !k.is_empty())
        .collect();
    out.dedup();
    out
}

fn flush(readings: &mut [Vec<String>], run: &mut String) {
    if !run.is_empty() {
        for r in readings.iter_mut() {
            r.push(run.clone());
        }
        run.clear();
    }
}

/// `plain` keeps ü (lü, nü); keys spell it v, as every pinyin keyboard does.
fn toneless(plain: &str) -> String {
    plain
        .chars()
        .filter_map(|c| match c {
            'ü' => Some('v'),
            'ê' => Some('e'),
            c if c.is_ascii_lowercase() => Some(c),
            _ => None,
        })
        .collect()
}

/// Fills every place's keys; returns the ids of the places whose keys changed.
pub fn fill(pack: &mut Pack) -> Vec<String> {
    let mut changed = Vec::new();
    for place in &mut pack.places {
        let fresh = keys(&place.name.zh);
        if place.pinyin != fresh {
            place.pinyin = fresh;
            changed.push(place.id.clone());
        }
    }
    changed
}

/// The pack as the shipped file is written: one-space indent, UTF-8 kept as it is, so that a
/// regenerated pack differs from the edited one only where the keys changed.
pub fn to_json(pack: &Pack) -> String {
    let mut out = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b" ");
    let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
    pack.serialize(&mut ser).expect("a parsed pack serialises");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes a pack beside `path` and renames it over, so an interrupted run leaves the old file.
pub fn write(path: &str, json: &str) -> Result<(), String> {
    let tmp = format!("{path}.tmp");
    std::fs::write(&tmp, json)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            format!("{path}: cannot write: {e}")
        })
}

pub fn run(path: &str, check: bool) -> ExitCode {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: cannot read: {e}");
            return ExitCode::from(2);
        }
    };
    // Only the shape is needed here: a pack with other problems still gets its keys, and
    // `validate` reports the rest.
    let mut pack: Pack = match serde_json::from_str(&text) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{path}: not a content pack: {e}");
            return ExitCode::from(2);
        }
    };
    let changed = fill(&mut pack);
    if check {
        if changed.is_empty() {
            println!("{path}: pinyin keys are up to date");
            return ExitCode::SUCCESS;
        }
        for id in &changed {
            println!("{path}: place \"{id}\": pinyin keys are stale");
        }
        eprintln!("{path}: run `qiaosi pinyin {path}` to regenerate them");
        return ExitCode::FAILURE;
    }
    let mut json = to_json(&pack);
    if text.ends_with('\n') {
        json.push('\n');
    }
    if json == text {
        println!("{path}: pinyin keys are up to date");
        return ExitCode::SUCCESS;
    }
    if let Err(e) = write(path, &json) {
        eprintln!("{e}");
        return ExitCode::from(2);
    }
    println!(
        "{path}: wrote pinyin keys ({} place(s) changed)",
        changed.len()
    );
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_toneless_syllables_with_ascii_runs_kept_whole() {
        assert_eq!(keys("图书馆"), ["tu shu guan"]);
        assert_eq!(keys("24小时图书馆")[0], "24 xiao shi tu shu guan");
        assert_eq!(keys("乔司“潮”文化客厅")[0], "qiao si chao wen hua ke ting");
        assert_eq!(keys("Ａ区５G")[0].split(' ').next(), Some("a"));
        assert!(keys("Ａ区５G")[0].ends_with(" 5g"));
        assert_eq!(keys("绿")[0], "lv");
        assert_eq!(keys("“”"), Vec::<String>::new());
    }

    #[test]
    fn archaic_readings_are_left_out() {
        assert_eq!(keys("乔司乡贤馆"), ["qiao si xiang xian guan"]);
        assert_eq!(keys("杭州书房"), ["hang zhou shu fang"]);
        assert_eq!(keys("党群服务站"), ["dang qun fu wu zhan"]);
    }

    #[test]
    fn heteronyms_add_readings_after_the_usual_one_up_to_the_cap() {
        assert_eq!(keys("银行"), ["yin xing", "yin hang"]);
        assert_eq!(keys("重庆")[1], "chong qing");
        let many = keys("行行行行行行");
        assert_eq!(many.len(), MAX_READINGS);
        let mut unique = many.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), many.len());
        for k in &many {
            assert!(qiaosi_core::content::is_pinyin_key(k), "{k:?}");
        }
    }
}
