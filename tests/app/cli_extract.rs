//! `extract --json` stays linear in its input: a long sentence is listed once (its byte range
//! under `sentences`) and each mention carries a window around itself, not the whole of it.

use std::process::Command;

fn extract_json(text: &str) -> (serde_json::Value, usize) {
    let d = tempfile::tempdir().expect("tempdir");
    let file = d.path().join("report.txt");
    std::fs::write(&file, text).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_frontier-atlas"))
        .args(["extract", file.to_str().expect("utf-8"), "--json"])
        .env_remove("FRONTIER_ATLAS_DATA")
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = serde_json::from_slice(&out.stdout).expect("json");
    (v, out.stdout.len())
}

#[test]
fn a_long_sentence_of_mentions_gives_linear_output() {
    // 49 KB, one "sentence" naming Kunar 7000 times: each mention repeated it whole before
    // (about 340 MB of JSON).
    let (v, bytes) = extract_json(&"Konar, ".repeat(7000));
    assert!(bytes < 5_000_000, "{bytes} bytes of JSON for 49 KB of text");
    assert_eq!(v["sentences"].as_array().map(Vec::len), Some(1));
    let kunar = v["places"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["name"] == "Kunar"))
        .expect("Kunar found");
    let mentions = kunar["mentions"].as_array().expect("mentions");
    assert_eq!(mentions.len(), 7000);
    for m in mentions {
        let s = m["sentence"].as_str().expect("text");
        assert!(s.len() <= 2 * 160 + 16, "{} bytes of context", s.len());
        assert!(s.contains("Konar"), "{s}");
    }
}

#[test]
fn a_short_sentence_is_carried_whole() {
    let text = "New TTP training centres were reported in Kunar. Nothing else.";
    let (v, _) = extract_json(text);
    let kunar = v["places"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["name"] == "Kunar"))
        .expect("Kunar found");
    assert_eq!(
        kunar["mentions"][0]["sentence"],
        "New TTP training centres were reported in Kunar."
    );
    assert_eq!(v["sentences"][0]["start"], 0);
}
