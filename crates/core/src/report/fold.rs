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
    /// Fold `original` (see [`fold_into`] for the rules).
    pub fn new(original: &str) -> Self {
        let mut f = Folded {
            text: String::with_capacity(original.len() + 2),
            start: Vec::with_capacity(original.len() + 2),
            end: Vec::with_capacity(original.len() + 2),
        };
        f.push(b' ', 0, 0);
        let mut pending_space = false;
        for (i, c) in original.char_indices() {
            let j = (i + c.len_utf8()) as u32;
            let i = i as u32;
            if c.is_ascii() {
                if c.is_ascii_alphanumeric() {
                    if pending_space {
                        f.push(b' ', i, i);
                        pending_space = false;
                    }
                    f.push(c.to_ascii_lowercase() as u8, i, j);
                } else {
                    pending_space = f.text.len() > 1;
                }
                continue;
            }
            let mut any = false;
            for d in deunicode::deunicode_char(c).unwrap_or("").chars() {
                if d.is_ascii_alphanumeric() {
                    if pending_space {
                        f.push(b' ', i, i);
                        pending_space = false;
                    }
                    f.push(d.to_ascii_lowercase() as u8, i, j);
                    any = true;
                } else if any || f.text.len() > 1 {
                    pending_space = true;
                }
            }
            if !any && f.text.len() > 1 {
                pending_space = true;
            }
        }
        let n = original.len() as u32;
        f.push(b' ', n, n);
        f
    }

    fn push(&mut self, b: u8, start: u32, end: u32) {
        self.text.push(b as char);
        self.start.push(start);
        self.end.push(end);
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
