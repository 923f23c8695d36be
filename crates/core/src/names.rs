//! Name normalisation for matching: case-, diacritic-, punctuation- and spacing-insensitive.

/// Normalise a place or group name for lookup: transliterate to ASCII, lowercase, turn
/// punctuation (hyphens, apostrophes, dots) into spaces and collapse runs of whitespace.
///
/// ```
/// assert_eq!(atlas_core::names::normalize("  Sar-e Pōl\n"), "sar e pol");
/// assert_eq!(atlas_core::names::normalize("Kōnar"), "konar");
/// ```
pub fn normalize(name: &str) -> String {
    let ascii = deunicode::deunicode(name);
    let mut out = String::with_capacity(ascii.len());
    let mut pending_space = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '`' {
            // "Ra's" -> "ras": apostrophes join, they do not split.
        } else {
            pending_space = true;
        }
    }
    out
}

/// Tidy a display name from a source file: trim and collapse inner whitespace, keep case.
///
/// ```
/// assert_eq!(atlas_core::names::tidy("Zanda  Jan\n"), "Zanda Jan");
/// assert_eq!(atlas_core::names::tidy("Khost(Matun)"), "Khost (Matun)");
/// ```
pub fn tidy(name: &str) -> String {
    let spaced = name.replace('(', " (");
    spaced
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("( ", "(")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_variants_to_the_same_key() {
        assert_eq!(normalize("KHOST"), normalize("khost"));
        assert_eq!(normalize("Dera Ismail-Khan"), "dera ismail khan");
        assert_eq!(normalize("Ra’s al Khaymah"), normalize("Ras al Khaymah"));
        assert_ne!(normalize("Khost"), normalize("Khowst"));
    }
}
