//! Lenient reading of the report's hand-edited JSON files: a bad entry is reported with its
//! line and left out, the rest is kept.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::diag::Diagnostic;

/// Parse `text` as a `T` whose field `list_key` is an array of `I`. Each array entry is
/// checked on its own (unknown fields, wrong types): bad ones are reported and dropped. A
/// syntax error or a bad top level gives `None`.
pub fn parse_json<T: DeserializeOwned, I: DeserializeOwned>(
    text: &str,
    file: &Path,
    list_key: &str,
) -> (Option<T>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            diags.push(Diagnostic::new(
                file,
                Some(e.line()),
                format!("invalid JSON: {e}"),
            ));
            return (None, diags);
        }
    };
    if let Some(Value::Array(items)) = value.get_mut(list_key) {
        let all = std::mem::take(items);
        for (i, item) in all.into_iter().enumerate() {
            let id = item.get("id").and_then(Value::as_str).map(str::to_owned);
            match serde_json::from_value::<I>(item.clone()) {
                Ok(_) => items.push(item),
                Err(e) => {
                    let (line, who) = match &id {
                        Some(id) => (line_of_id(text, id), format!("`{id}`")),
                        None => (None, format!("#{}", i + 1)),
                    };
                    diags.push(Diagnostic::new(
                        file,
                        line,
                        format!("{list_key} entry {who}: {e} (entry left out)"),
                    ));
                }
            }
        }
    }
    match serde_json::from_value::<T>(value) {
        Ok(t) => (Some(t), diags),
        Err(e) => {
            diags.push(Diagnostic::new(
                file,
                None,
                format!("invalid top level: {e}"),
            ));
            (None, diags)
        }
    }
}

/// 1-based line of the first `"id": "<id>"` in a JSON text (any spacing), if present.
pub fn line_of_id(text: &str, id: &str) -> Option<usize> {
    line_of_id_nth(text, id, 0)
}

/// 1-based line of the `n`-th (0-based) `"id": "<id>"` in a JSON text, if present.
pub fn line_of_id_nth(text: &str, id: &str, n: usize) -> Option<usize> {
    let needle = format!("\"{id}\"");
    let mut from = 0;
    let mut seen = 0;
    while let Some(pos) = text[from..].find(&needle) {
        let at = from + pos;
        let before = text[..at].trim_end();
        if let Some(b) = before.strip_suffix(':')
            && b.trim_end().ends_with("\"id\"")
        {
            if seen == n {
                return Some(text[..at].matches('\n').count() + 1);
            }
            seen += 1;
        }
        from = at + needle.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_line_of_an_id() {
        let t = "{\n \"a\": [\n  {\"id\": \"x\"},\n  {\"other\": \"y\", \"id\" :\"y\"}\n]}";
        assert_eq!(line_of_id(t, "x"), Some(3));
        assert_eq!(line_of_id(t, "y"), Some(4));
        assert_eq!(line_of_id(t, "z"), None);
        let t = "[{\"id\": \"x\"},\n{\"id\": \"x\"}]";
        assert_eq!(line_of_id_nth(t, "x", 1), Some(2));
        assert_eq!(line_of_id_nth(t, "x", 2), None);
    }
}
