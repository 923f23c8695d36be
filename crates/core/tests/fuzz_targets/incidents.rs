//! The incident fuzz targets: CSV under each schema (the block-parallel import checked
//! against the sequential one) and GeoJSON points.

use std::ops::ControlFlow;

use atlas_core::incidents::{
    ColumnMapping, CsvFormat, ImportError, Imported, import_csv_chunked, import_csv_sequential,
    import_geojson,
};

use super::Ctx;
use super::seeds::{data, fixture, head_lines};

fn go(_: u64, _: u64) -> ControlFlow<()> {
    ControlFlow::Continue(())
}

pub(super) fn generic_mapping() -> ColumnMapping {
    ColumnMapping {
        lon: "Lng".into(),
        lat: "lat_deg".into(),
        date: "When".into(),
        actor: "Group".into(),
        fatalities: Some("Killed".into()),
        event_type: Some("Kind".into()),
        id: Some("Ref".into()),
        precision: Some("Prec".into()),
        ..ColumnMapping::default()
    }
}

pub(super) fn csv_seeds() -> Vec<Vec<u8>> {
    vec![
        fixture("incidents/acled_small.csv"),
        fixture("incidents/ucdp_ged_small.csv"),
        fixture("incidents/gtd_small.csv"),
        head_lines(&data("incidents/synthetic-demo-2024.csv"), 30),
    ]
}

/// The sequential import, and the parallel one in small blocks (cut at most line feeds) which
/// must give the same result.
pub(super) fn csv(b: &[u8], format: &CsvFormat) {
    let seq = import_csv_sequential(b, b.len() as u64, format, go);
    let block = 1 + b.len() * 7 % 61;
    let par = import_csv_chunked(b, b.len() as u64, format, block, go);
    let show = |r: &Result<Imported, ImportError>| match r {
        Ok(i) => format!("{:?}, {} rows", i.report, i.incidents.len()),
        Err(e) => e.to_string(),
    };
    let same = match (&seq, &par) {
        (Ok(s), Ok(p)) => s == p && s.incidents.heap_bytes() == p.incidents.heap_bytes(),
        (Err(s), Err(p)) => s.to_string() == p.to_string(),
        _ => false,
    };
    assert!(
        same,
        "parallel import in {block}-byte blocks differs: {} vs {}",
        show(&seq),
        show(&par)
    );
}

pub(super) fn geojson_points(_: &mut Ctx, b: &[u8]) {
    let t = String::from_utf8_lossy(b);
    let _ = import_geojson(&t, &ColumnMapping::default(), go);
    let _ = import_geojson(&t, &generic_mapping(), go);
}
