//! `frontier-atlas resolve`: JSON output, aliases, unknown names, help.

use crate::common::{cli_json as json, run_cli as run};

#[test]
fn dalbandin_is_a_town_in_chagai_balochistan() {
    let v = json(&["resolve", "Dalbandin", "--json"]);
    let m = &v[0]["matches"];
    assert_eq!(m.as_array().map(Vec::len), Some(1), "{v}");
    let m = &m[0];
    assert_eq!(m["query"], "Dalbandin");
    assert_eq!(m["kind"], "town");
    assert_eq!(m["country"], "PAK");
    assert_eq!(m["parent"], "Chagai");
    assert_eq!(m["province"], "Balochistan");
    let (lon, lat) = (
        m["lon"].as_f64().expect("lon"),
        m["lat"].as_f64().expect("lat"),
    );
    assert!((lon - 64.41).abs() < 0.01 && (lat - 28.89).abs() < 0.01);
    assert_eq!(m["bbox"].as_array().map(Vec::len), Some(4));
    assert!(m["id"].as_str().is_some_and(|s| !s.is_empty()));
}

#[test]
fn matching_ignores_case_diacritics_and_knows_aliases() {
    let v = json(&["resolve", "KONAR", "khōst", "Chaghi", "Ghanzi", "--json"]);
    let first = |i: usize| v[i]["matches"][0].clone();
    assert_eq!(first(0)["name"], "Kunar");
    assert_eq!(first(0)["kind"], "province");
    assert_eq!(first(1)["name"], "Khost");
    assert_eq!(first(1)["kind"], "province");
    assert_eq!(first(1)["parent"], "Afghanistan");
    assert_eq!(first(2)["name"], "Chagai");
    assert_eq!(first(2)["kind"], "district");
    assert_eq!(first(2)["parent"], "Balochistan");
    assert_eq!(first(3)["name"], "Ghazni");
}

#[test]
fn unknown_name_gives_empty_list_message_and_exit_zero() {
    let (code, stdout, stderr) = run(&["resolve", "Atlantis", "Kunar", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(v[0]["query"], "Atlantis");
    assert_eq!(v[0]["matches"].as_array().map(Vec::len), Some(0));
    assert!(!v[1]["matches"].as_array().expect("array").is_empty());
    assert!(stderr.contains("Atlantis"), "{stderr}");
}

#[test]
fn help_documents_every_command() {
    let (code, stdout, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("resolve"), "{stdout}");
    let (code, stdout, _) = run(&["resolve", "--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("--json"));
}

#[test]
fn missing_data_dir_is_reported_not_a_panic() {
    let (code, stdout, stderr) =
        run(&["--data", "/nonexistent/atlas", "resolve", "Kunar", "--json"]);
    assert_ne!(code, 0);
    assert!(
        stderr.contains("data directory /nonexistent/atlas does not exist"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"));
    assert!(stdout.is_empty(), "{stdout}");
}

#[test]
fn spelling_variants_and_typos_list_the_closest_first() {
    let (code, stdout, stderr) = run(&[
        "resolve",
        "Miranshah",
        "Miramshah",
        "Miram Shah",
        "Parachinaar",
        "Chamman",
        "--json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let want = [
        ("Miran Shah", "exact"),
        ("Miran Shah", "fuzzy"),
        ("Miran Shah", "fuzzy"),
        ("Parachinar", "variant"),
        ("Chaman", "variant"),
    ];
    for (i, (name, how)) in want.iter().enumerate() {
        let m = &v[i]["matches"][0];
        assert_eq!(m["name"], *name, "{}", v[i]);
        assert_eq!(m["match"], *how, "{}", v[i]);
        assert_eq!(m["kind"], "town");
        assert_eq!(m["country"], "PAK");
        assert!(m["why"].as_str().is_some_and(|s| s.contains(name)));
        assert!(m["score"].as_f64().is_some_and(|s| s > 0.0));
    }
    assert_eq!(v[0]["matches"][0]["parent"], "North Waziristan");
    assert!(
        stderr.contains("no place is called exactly \"Miramshah\""),
        "{stderr}"
    );
    // Exact matches list only exact and alias matches, as before.
    let v = json(&["resolve", "Kunar", "--json"]);
    let ms = v[0]["matches"].as_array().expect("array");
    assert!(
        ms.iter()
            .all(|m| m["match"] == "exact" || m["match"] == "alias"),
        "{v}"
    );
}
