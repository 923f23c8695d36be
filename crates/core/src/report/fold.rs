//! Text folding for matching: ASCII, lowercase, words separated by single spaces, with a map
//! from every folded byte back to the original text's byte offsets.

/// Folded text: `" word word … "` (a space before the first and after the last word), so that
/// a pattern `" name "` can only match whole words.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub text: String,
    /// Original byte offset where the character behind each folded byte starts.
    start: Vec<u32>,
    /// Original byte offset just after the character behind each folded byte.
    end: Vec<u32>,
}

impl Folded {
    /// Fold `original`: letters and digits are transliterated to ASCII (deunicode) and
    /// lowercased; every run of other characters (spaces, punctuation, apostrophes) becomes
    /// one space.
    pub fn new(original: &str) -> Self {
        let bytes = original.as_bytes();
        let cap = bytes.len() + 2;
        let mut out = Vec::with_capacity(cap);
        let mut start = Vec::with_capacity(cap);
        let mut end = Vec::with_capacity(cap);
        let mut push = |b: u8, s: usize, e: usize| {
            out.push(b);
            start.push(s as u32);
            end.push(e as u32);
        };
        push(b' ', 0, 0);
        // Whether a word has been written, and whether a separator is pending after it.
        let mut any_word = false;
        let mut pending = false;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    if pending {
                        push(b' ', i, i);
                        pending = false;
                    }
                    push(b.to_ascii_lowercase(), i, i + 1);
                    any_word = true;
                } else {
                    pending = any_word;
                }
                i += 1;
                continue;
            }
            let c = original[i..].chars().next().unwrap_or(' ');
            let j = i + c.len_utf8();
            for d in deunicode::deunicode_char(c).unwrap_or(" ").bytes() {
                if d.is_ascii_alphanumeric() {
                    if pending {
                        push(b' ', i, i);
                        pending = false;
                    }
                    push(d.to_ascii_lowercase(), i, j);
                    any_word = true;
                } else {
                    pending = any_word;
                }
            }
            i = j;
        }
        let n = bytes.len();
        push(b' ', n, n);
        // Only ASCII bytes were written, so this cannot fail.
        let text = String::from_utf8(out).unwrap_or_default();
        Folded { text, start, end }
    }

    /// Original byte range of a folded match `[s, e)` that begins and ends with a space
    /// (a padded pattern): the words inside, without the padding.
    pub fn original_range(&self, s: usize, e: usize) -> (usize, usize) {
        (self.start[s + 1] as usize, self.end[e - 2] as usize)
    }
}

/// Fold a name (gazetteer name, alias) to its pattern form: the same rules as the text, but
/// without padding. Apostrophes separate words here as in the text (“Afghanistan’s” becomes
/// `afghanistan s`).
pub fn fold_name(name: &str) -> String {
    let f = Folded::new(name);
    f.text.trim().to_owned()
}

/// The name with apostrophes removed first (`Ra's` → `ras`), so that a text spelling without
/// the apostrophe also matches. Equal to [`fold_name`] when the name has none.
pub fn fold_name_joined(name: &str) -> String {
    let joined: String = name
        .chars()
        .filter(|c| !matches!(c, '\'' | '’' | '‘' | '`' | 'ʼ'))
        .collect();
    fold_name(&joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_maps_offsets_back() {
        let text = "In Afghanistan’s Kōnar, D.I. Khan!";
        let f = Folded::new(text);
        assert_eq!(f.text, " in afghanistan s konar d i khan ");
        let s = f.text.find(" konar ").unwrap();
        let (a, b) = f.original_range(s, s + " konar ".len());
        assert_eq!(&text[a..b], "Kōnar");
        let s = f.text.find(" d i khan ").unwrap();
        let (a, b) = f.original_range(s, s + " d i khan ".len());
        assert_eq!(&text[a..b], "D.I. Khan");
    }

    #[test]
    fn names_fold_like_text() {
        assert_eq!(
            fold_name("Tehreek-e-Taliban Pakistan"),
            "tehreek e taliban pakistan"
        );
        assert_eq!(fold_name("IS-K"), "is k");
        assert_eq!(fold_name("Ra's al Khaymah"), "ra s al khaymah");
        assert_eq!(fold_name_joined("Ra's al Khaymah"), "ras al khaymah");
        assert_eq!(fold_name("  "), "");
    }
}
