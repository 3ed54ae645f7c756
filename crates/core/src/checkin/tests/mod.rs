//! Check-in codes as an attacker and a careless printer would treat them.

mod desk;
mod keys;
mod passport;
mod reward;

use super::*;
use crate::content::{CheckinPoint, SigningKey};
use crate::time::{Date, LocalDateTime};

pub(super) fn secret(seed: u8) -> SecretKey {
    SecretKey::from_bytes(&[seed; 32])
}

pub(super) fn pack_key(id: &str, seed: u8) -> SigningKey {
    SigningKey {
        id: id.into(),
        public: public_text(&secret(seed).verifying_key()),
        state: Default::default(),
    }
}

pub(super) fn point(id: &str) -> CheckinPoint {
    CheckinPoint {
        id: id.into(),
        place: Some(id.into()),
        event: None,
        geofence_m: None,
    }
}

pub(super) fn at(date: &str, h: u16, m: u16) -> LocalDateTime {
    LocalDateTime {
        date: Date::parse(date).unwrap(),
        minute: h * 60 + m,
    }
}

/// Deriving a public key is a scalar multiplication, slow in a debug build: do it once.
pub(super) fn keys() -> &'static [SigningKey] {
    static KEYS: std::sync::OnceLock<Vec<SigningKey>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| vec![pack_key("k1", 1)])
}

pub(super) fn points() -> Vec<CheckinPoint> {
    vec![point("tide-parlour"), point("niujiao-seawall")]
}

/// A code for the 2024 tide festival week: 09-18 09:00 until 09-23 00:00, Shanghai.
pub(super) fn token(point_id: &str) -> String {
    let (from, until) = (at("2024-09-18", 9, 0), at("2024-09-23", 0, 0));
    issue(&secret(1), "k1", point_id, from, until).unwrap()
}

/// A moment inside the window, as the phone's clock gives it (UTC seconds).
pub(super) const DURING: i64 = 1_726_800_000; // 2024-09-20T02:40Z, 10:40 in Shanghai

pub(super) fn check(t: &str) -> Result<Verified, Refusal> {
    verify(t, keys(), &points(), &[], DURING)
}

#[test]
fn a_genuine_code_round_trips() {
    let t = token("tide-parlour");
    // 1 + (1 + 2) + (1 + 12) + 8 + 64 = 89 bytes, so 119 base64url characters.
    assert_eq!(t.len(), 119);
    let v = check(&t).unwrap();
    assert_eq!(v.point_id, "tide-parlour");
    assert_eq!(v.key_id, "k1");
    assert_eq!(v.valid_from, at("2024-09-18", 9, 0));
    assert_eq!(v.valid_until, at("2024-09-23", 0, 0));
    // A scanned URL gives its token back, whatever follows it. New posters carry the token
    // in the fragment, which no server sees; the path form of older posters still reads.
    let u = url("https://guide.example/", &t);
    assert_eq!(u, format!("https://guide.example/checkin#{t}"));
    assert_eq!(token_in(&u), t);
    assert_eq!(token_in(&format!("{u}?utm=wechat")), t);
    let old = format!("https://guide.example/checkin/{t}");
    assert_eq!(token_in(&format!("{old}?utm=wechat#x")), t);
    assert_eq!(
        token_in(&format!("https://guide.example/checkin?utm=x#{t}")),
        t
    );
    assert_eq!(token_in(&t), t);
    assert_eq!(check(token_in(&u)).unwrap().point_id, "tide-parlour");
}

#[test]
fn every_single_bit_flip_is_refused() {
    let t = token("tide-parlour");
    let bytes = b64::decode(&t).unwrap();
    let sig_start = bytes.len() - 64;
    for i in 0..bytes.len() {
        for bit in 0..8 {
            let mut b = bytes.clone();
            b[i] ^= 1 << bit;
            let r = check(&b64::encode(&b));
            assert!(r.is_err(), "byte {i} bit {bit} accepted: {r:?}");
            if i >= sig_start {
                assert_eq!(r, Err(Refusal::BadSignature), "byte {i} bit {bit}");
            }
        }
    }
}

#[test]
fn damaged_or_foreign_input_is_malformed_and_never_panics() {
    let t = token("niujiao-seawall");
    for len in 0..t.len() {
        assert_eq!(check(&t[..len]), Err(Refusal::Malformed), "cut at {len}");
    }
    let bytes = b64::decode(&t).unwrap();
    for len in 0..bytes.len() {
        let r = check(&b64::encode(&bytes[..len]));
        assert!(r.is_err(), "bytes cut at {len}");
    }
    for extra in ["A", "AA", "AAAA", "_-_-"] {
        assert!(check(&format!("{t}{extra}")).is_err(), "{extra}");
    }
    let mut longer = bytes.clone();
    longer.insert(bytes.len() - 64, 0);
    assert_eq!(check(&b64::encode(&longer)), Err(Refusal::Malformed));
    for bad in [
        "",
        "hello",
        "https://guide.example/checkin/",
        &format!("{t}="),
        &t.replacen('A', "+", 1),
        &format!(" {t}"),
        "打卡打卡打卡打卡",
        "\0\0\0\0",
    ] {
        assert!(check(bad).is_err(), "{bad:?}");
    }
    let huge = "A".repeat(10_000_000);
    assert_eq!(check(&huge), Err(Refusal::Malformed));
    // Pseudo-random garbage of every length up to the cap (xorshift, so the test is fixed).
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for len in 0..=MAX_INPUT {
        let s: String = (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                    [(x % 64) as usize] as char
            })
            .collect();
        assert!(check(&s).is_err(), "{s}");
    }
}

#[test]
fn the_window_is_from_inclusive_until_exclusive() {
    let t = token("tide-parlour");
    let from = at("2024-09-18", 9, 0).to_unix_s();
    let until = at("2024-09-23", 0, 0).to_unix_s();
    let at_time = |now| verify(&t, keys(), &points(), &[], now).map(|v| v.point_id);
    assert_eq!(at_time(from - 1), Err(Refusal::NotYetValid));
    assert!(at_time(from).is_ok());
    assert!(at_time(until - 1).is_ok());
    assert_eq!(at_time(until), Err(Refusal::Expired));
    assert_eq!(at_time(until + 365 * 86_400), Err(Refusal::Expired));
}

#[test]
fn keys_and_points_must_be_the_packs() {
    let t = token("tide-parlour");
    // The pack has a different key id: nobody it trusts signed this.
    let other_id = vec![pack_key("k2", 1)];
    assert_eq!(
        verify(&t, &other_id, &points(), &[], DURING),
        Err(Refusal::UnknownKey)
    );
    assert_eq!(
        verify(&t, &[], &points(), &[], DURING),
        Err(Refusal::UnknownKey)
    );
    // Same id, another key: a forgery (or a key that was rotated without a new id).
    let impostor = vec![pack_key("k1", 2)];
    assert_eq!(
        verify(&t, &impostor, &points(), &[], DURING),
        Err(Refusal::BadSignature)
    );
    // A public key that is not a curve point cannot verify anything.
    let broken = vec![SigningKey {
        id: "k1".into(),
        public: "_".repeat(42) + "w",
        state: Default::default(),
    }];
    assert!(verify(&t, &broken, &points(), &[], DURING).is_err());
    // Genuine, but for a point removed from the pack.
    let gone = token("old-market");
    assert_eq!(check(&gone), Err(Refusal::UnknownPoint));
    // Of several keys, the one named in the token is used.
    let many = vec![pack_key("k0", 9), pack_key("k1", 1)];
    assert!(verify(&t, &many, &points(), &[], DURING).is_ok());
}

#[test]
fn issuing_refuses_what_a_token_cannot_say() {
    let s = secret(1);
    let (a, b) = (at("2024-09-18", 9, 0), at("2024-09-19", 9, 0));
    assert_eq!(issue(&s, "", "p", a, b), Err(IssueError::IdLength));
    assert_eq!(
        issue(&s, &"k".repeat(17), "p", a, b),
        Err(IssueError::IdLength)
    );
    assert_eq!(
        issue(&s, "k1", &"p".repeat(33), a, b),
        Err(IssueError::IdLength)
    );
    assert!(issue(&s, "k1", &"p".repeat(32), a, b).is_ok());
    assert_eq!(issue(&s, "k1", "p", b, a), Err(IssueError::EmptyWindow));
    assert_eq!(issue(&s, "k1", "p", a, a), Err(IssueError::EmptyWindow));
    let before = at("2023-12-31", 23, 59);
    assert_eq!(
        issue(&s, "k1", "p", before, b),
        Err(IssueError::BeforeEpoch)
    );
    // The secret key's text round-trips, so the CLI's key file signs as the key did.
    assert_eq!(
        secret_from_text(&secret_text(&s)).unwrap().to_bytes(),
        s.to_bytes()
    );
    assert!(secret_from_text("not a key").is_none());
}

#[test]
fn refusals_read_as_english() {
    assert_eq!(Refusal::Expired.to_string(), "the code has expired");
    assert!(Refusal::BadSignature.to_string().contains("forged"));
}

pub(super) fn stamp(point_id: &str, when: LocalDateTime) -> Stamp {
    Stamp {
        point_id: point_id.into(),
        token: token(point_id),
        at: when,
        sig: String::new(),
    }
}

/// The install key of the phone the tests' passports come from.
pub(super) fn install() -> SecretKey {
    secret(7)
}

pub(super) fn install_public() -> String {
    public_text(&install().verifying_key())
}

/// A passport as that phone exports it: every stamp signed by its install key. A forger with
/// an install of their own can do the same for anything, so tests that forge use it too and
/// only the codes' signatures and the rules stand in the way.
pub(super) fn passport_of(stamps: &[Stamp]) -> String {
    let signed: Vec<Stamp> = stamps
        .iter()
        .cloned()
        .map(|mut s| {
            sign_stamp(&install(), &mut s);
            s
        })
        .collect();
    passport_encode(&install_public(), &signed)
}

#[test]
fn one_stamp_per_point_per_shanghai_day() {
    // 2024-09-20 15:59Z and 16:01Z: a phone set to New York shows 11:59 and 12:01 on the same
    // day, but in Shanghai it is 23:59 on the 20th and 00:01 on the 21st: a new day, a new stamp.
    let late = LocalDateTime::from_unix_ms(1_726_847_940_000.0);
    let early = LocalDateTime::from_unix_ms(1_726_848_060_000.0);
    assert_eq!(late, at("2024-09-20", 23, 59));
    assert_eq!(early, at("2024-09-21", 0, 1));
    let mut book = vec![];
    assert_eq!(
        stamp_allowed(&book, "tide-parlour", late),
        StampDecision::New
    );
    book.push(stamp("tide-parlour", late));
    let same_day = at("2024-09-20", 0, 0);
    assert_eq!(
        stamp_allowed(&book, "tide-parlour", same_day),
        StampDecision::AlreadyToday
    );
    assert_eq!(
        stamp_allowed(&book, "tide-parlour", early),
        StampDecision::New
    );
    // Another point the same day is its own stamp.
    assert_eq!(
        stamp_allowed(&book, "niujiao-seawall", late),
        StampDecision::New
    );
}

#[test]
fn only_this_guides_links_are_followed_from_a_scan() {
    use crate::checkin::link_token;
    assert_eq!(
        link_token("https://qiaosi.example/checkin/AQJr"),
        Some("AQJr")
    );
    assert_eq!(
        link_token("https://elsewhere.example/checkin/AQJr?x=1"),
        Some("AQJr")
    );
    // The fragment form of new posters, also behind a query or a trailing slash.
    assert_eq!(
        link_token("https://qiaosi.example/checkin#AQJr"),
        Some("AQJr")
    );
    assert_eq!(
        link_token("https://elsewhere.example/checkin?utm=x#AQJr"),
        Some("AQJr")
    );
    assert_eq!(
        link_token("https://qiaosi.example/checkin/#AQJr"),
        Some("AQJr")
    );
    assert_eq!(link_token("AQJr"), None); // a bare token is not a link anyone printed
    for not_ours in [
        "https://qiaosi.example/checkin/",
        "https://qiaosi.example/checkin",
        "https://qiaosi.example/checkin#",
        "https://qiaosi.example/checkin?AQJr",
        "https://qiaosi.example/checkins#AQJr",
        "https://qiaosi.example/checkin/x/y#AQJr",
        "https://qiaosi.example/passport#AQJr",
        "WIFI:S:cafe;;",
    ] {
        assert_eq!(link_token(not_ours), None, "{not_ours}");
    }
}

#[test]
fn passport_groups_follow_editions_and_routes() {
    use crate::checkin::{group_of, Group};
    let pack =
        crate::validate::load(include_str!("../../../../../public/content/pack.json")).unwrap();
    // The 潮 culture parlour is the first stop of the seawall walk.
    assert!(
        matches!(group_of(&pack, "tide-parlour"), Group::Route(r) if r.id == "seawall-heritage-walk")
    );
    assert_eq!(group_of(&pack, "no-such-point"), Group::Other);
    let mut p = pack.clone();
    p.checkin.points[0].place = None;
    p.checkin.points[0].event = Some(format!("{}/x", p.festival[0].id));
    assert!(matches!(group_of(&p, "tide-parlour"), Group::Edition(e) if e.id == p.festival[0].id));
    p.checkin.points[0].event = None;
    assert_eq!(group_of(&p, "tide-parlour"), Group::Other);
}

#[test]
fn a_points_name_and_place_come_from_its_place_or_its_event() {
    let mut pack =
        crate::validate::load(include_str!("../../../../../public/content/pack.json")).unwrap();
    assert_eq!(
        pack.checkin_point_name("tide-parlour").zh,
        "乔司“潮”文化客厅"
    );
    assert_eq!(
        pack.checkin_point_place("tide-parlour")
            .map(|p| p.id.as_str()),
        Some("tide-parlour")
    );
    // An event's point: the event's title, and its venue's position.
    let (ed, ev) = pack
        .festival
        .iter()
        .find_map(|e| {
            e.events
                .iter()
                .find(|v| v.place.is_some())
                .map(|v| (e.id.clone(), v.clone()))
        })
        .unwrap();
    pack.checkin.points[0].place = None;
    pack.checkin.points[0].event = Some(format!("{ed}/{}", ev.id));
    assert_eq!(pack.checkin_point_name("tide-parlour"), ev.title);
    assert_eq!(
        pack.checkin_point_place("tide-parlour").map(|p| &p.id),
        ev.place.as_ref()
    );
    // Unknown points: the id, and nowhere.
    assert_eq!(pack.checkin_point_name("nope").en, "nope");
    assert!(pack.checkin_point_place("nope").is_none());
}
