//! Corrupt or missing data files produce diagnostics naming the file (and line), never a panic.

use atlas_core::data::load_gazetteer;

fn scratch(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("atlas-bad-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(d.join("admin")).expect("mkdir");
    std::fs::create_dir_all(d.join("gazetteer")).expect("mkdir");
    d
}

#[test]
fn missing_files_are_named_and_loading_goes_on() {
    let dir = scratch("missing");
    std::fs::write(
        dir.join("gazetteer/towns.csv"),
        "id,name,aliases,country,lon,lat,population,rank,province_id,district_id\n\
         town:pk:x,Xtown,,PAK,66.0,30.0,,5,,\n",
    )
    .expect("write");
    let (g, diags) = load_gazetteer(&dir);
    assert_eq!(g.towns.len(), 1);
    assert_eq!(diags.len(), 3, "{diags:?}");
    assert!(diags[0].to_string().contains("countries.geojson"));
    assert!(diags[0].to_string().contains("cannot read"));
}

#[test]
fn corrupt_geojson_names_file_and_line() {
    let dir = scratch("corrupt");
    std::fs::write(
        dir.join("admin/provinces.geojson"),
        "{\"type\":\"FeatureCollection\",\n\"features\":[\n{oops}\n]}",
    )
    .expect("write");
    let (_, diags) = load_gazetteer(&dir);
    let d = diags
        .iter()
        .find(|d| d.file.ends_with("provinces.geojson"))
        .expect("diag");
    assert_eq!(d.line, Some(3), "{d}");
}

#[test]
fn broken_csv_rows_are_reported_with_line_and_the_rest_kept() {
    let dir = scratch("csv");
    std::fs::write(
        dir.join("gazetteer/towns.csv"),
        "id,name,aliases,country,lon,lat,population,rank,province_id,district_id\n\
         town:a,A,,PAK,66.0,30.0,,5,,\n\
         town:b,B,,PAK,not-a-number,30.0,,5,,\n\
         town:c,C,,PAK,66.0,95.0,,5,,\n\
         town:d,D,,PAK,67.0,31.0,,4,,\n",
    )
    .expect("write");
    let (g, diags) = load_gazetteer(&dir);
    assert_eq!(
        g.towns.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        ["A", "D"]
    );
    let towns: Vec<_> = diags
        .iter()
        .filter(|d| d.file.ends_with("towns.csv"))
        .collect();
    assert_eq!(
        towns.iter().map(|d| d.line).collect::<Vec<_>>(),
        [Some(3), Some(4)]
    );
}

#[test]
fn feature_without_name_is_skipped_and_named() {
    let dir = scratch("feature");
    std::fs::write(
        dir.join("admin/countries.geojson"),
        r#"{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"id":"X","kind":"country","label":[0.5,0.5]},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},
{"type":"Feature","properties":{"id":"Y","name":"Y","kind":"country","label":[0.5,0.5]},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}
]}"#,
    )
    .expect("write");
    let (g, diags) = load_gazetteer(&dir);
    assert_eq!(g.units.len(), 1);
    assert!(
        diags
            .iter()
            .any(|d| d.message.contains("feature #1") && d.message.contains("name")),
        "{diags:?}"
    );
}
