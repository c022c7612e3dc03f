//! What counts as blank in report text.

/// Whitespace, as [`char::is_whitespace`] says, or the byte-order mark U+FEFF that
/// converters leave inside text.
#[inline]
pub fn is_space(c: char) -> bool {
    match c {
        '\t'..='\r' | ' ' => true,
        // Fast paths for the rest of ASCII and the CJK ideographs.
        '\0'..='\x7f' | '\u{4e00}'..='\u{9fff}' => false,
        _ => c.is_whitespace() || c == '\u{feff}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_are_whitespace_and_the_bom() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_space(c), c.is_whitespace() || c == '\u{feff}', "{c:?}");
        }
    }
}
