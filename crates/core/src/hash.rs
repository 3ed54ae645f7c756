//! A content fingerprint: tells two versions of a text apart (is this pack the one we hold?).
//! Not a security measure — the pack comes from our own origin — so a tiny FNV-1a 64 suffices.

pub fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Bytes as lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::fingerprint;

    #[test]
    fn known_values_and_sensitivity() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(fingerprint(""), "cbf29ce484222325");
        assert_eq!(fingerprint("a"), "af63dc4c8601ec8c");
        assert_ne!(fingerprint("{\"a\":1}"), fingerprint("{\"a\":2}"));
        assert_eq!(super::hex(&[0, 15, 255]), "000fff");
    }
}
