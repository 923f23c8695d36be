//! The forms a name is compared in: normalised (`miran shah`), compact (`miranshah`) and a
//! transliteration skeleton (`miranshah`, `parachinar` for `Parachinaar`).

use crate::names::normalize;

/// A name prepared for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Key {
    /// [`normalize`]d: ASCII, lowercase, words separated by single spaces.
    pub norm: String,
    /// `norm` without spaces.
    pub compact: String,
    /// [`skeleton`] of `compact`.
    pub skel: String,
}

impl Key {
    pub fn new(name: &str) -> Key {
        let norm = normalize(name);
        let compact: String = norm.chars().filter(|c| *c != ' ').collect();
        let skel = skeleton(&compact);
        Key {
            norm,
            compact,
            skel,
        }
    }

    /// Byte offsets where words of `norm` start.
    pub fn word_starts(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(0).chain(
            self.norm
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b' ')
                .map(|(i, _)| i + 1),
        )
    }
}

/// Fold the spelling differences common in English transliterations of Pashto, Dari and
/// Urdu names: `q`→`k`, `ck`→`k`, `ph`→`f`, `w`→`v`, `y`→`i`, `ee`/`e`→`i`,
/// `oo`/`ou`/`ow`/`o`→`u`, then doubled letters to one (`Parachinaar` → `parachinar`, `Khowst`
/// and `Khost` → `khust`, `Paktiya` and `Paktya` → `paktia`).
pub(crate) fn skeleton(compact: &str) -> String {
    let b = compact.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let next = b.get(i + 1).copied();
        let (c, used) = match (b[i], next) {
            (b'c', Some(b'k')) => (b'k', 2),
            (b'p', Some(b'h')) => (b'f', 2),
            (b'o', Some(b'w')) => (b'u', 2),
            (b'o', Some(b'u')) => (b'u', 2),
            (b'q', _) => (b'k', 1),
            (b'w', _) => (b'v', 1),
            (b'y' | b'e', _) => (b'i', 1),
            (b'o', _) => (b'u', 1),
            (c, _) => (c, 1),
        };
        if out.last() != Some(&c) {
            out.push(c);
        }
        i += used;
    }
    String::from_utf8(out).unwrap_or_default()
}

/// The most typing errors (edits) a query of `len` letters may have and still match:
/// none below 4 letters, 1 up to 5, 2 up to 9, 3 beyond.
pub(crate) fn max_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=5 => 1,
        6..=9 => 2,
        _ => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let k = Key::new("Miran-Shah");
        assert_eq!(k.norm, "miran shah");
        assert_eq!(k.compact, "miranshah");
        assert_eq!(k.skel, "miranshah");
        assert_eq!(k.word_starts().collect::<Vec<_>>(), [0, 6]);
        assert_eq!(Key::new("Dera Ismail Khan").word_starts().count(), 3);
    }

    #[test]
    fn skeletons_fold_transliterations() {
        let same =
            |a: &str, b: &str| skeleton(&Key::new(a).compact) == skeleton(&Key::new(b).compact);
        assert!(same("Parachinaar", "Parachinar"));
        assert!(same("Chamman", "Chaman"));
        assert!(same("Khowst", "Khost"));
        assert!(same("Qandahar", "Kandahar"));
        assert!(same("Paktiya", "Paktya"));
        assert!(same("Paktiya", "Paktia"));
        assert!(same("Nooristan", "Nuristan"));
        assert!(same("Konar", "Kunar"));
        assert!(same("Vardak", "Wardak"));
        assert!(same("Sar-e Pol", "Sari Pul"));
        assert!(same("Mackran", "Makran"));
        assert!(same("Phulra", "Fulra"));
        assert!(same("Touba", "Tuba"));
        assert!(!same("Kabul", "Kabal"));
        assert!(!same("Khost", "Kost"));
        assert_eq!(skeleton("qqq"), "k");
        assert_eq!(skeleton(""), "");
    }

    #[test]
    fn edit_budget_grows_with_length() {
        assert_eq!(
            [1, 3, 4, 5, 6, 9, 10, 20].map(max_edits),
            [0, 0, 1, 1, 2, 2, 3, 3]
        );
    }
}
