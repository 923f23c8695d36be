//! The synthetic demo scenario: the committed CSV is exactly what the generator writes, reads
//! back through the ACLED importer, and has the promised shape.
//!
//! Regenerate after changing the generator:
//! `ATLAS_REGENERATE_DEMO=1 cargo test -p atlas-core --test incidents_synthetic`

use std::ops::ControlFlow;
use std::path::Path;

use atlas_core::incidents::{
    CsvFormat, LocationPrecision, SYNTHETIC_SOURCE, Schema, import_csv_file, synthetic_demo_2024, write_acled_like_csv,
};
use chrono::Datelike;

const DEMO: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/incidents/synthetic-demo-2024.csv");

fn generated_csv() -> Vec<u8> {
    let mut buf = Vec::new();
    write_acled_like_csv(&synthetic_demo_2024(), &mut buf).unwrap();
    buf
}

#[test]
fn committed_demo_file_is_byte_identical_to_the_generator_output() {
    let buf = generated_csv();
    if std::env::var_os("ATLAS_REGENERATE_DEMO").is_some() {
        std::fs::write(DEMO, &buf).unwrap();
    }
    let committed = std::fs::read(DEMO).unwrap_or_default();
    assert!(
        committed == buf,
        "{DEMO} differs from the generator output ({} vs {} bytes): regenerate with \
         ATLAS_REGENERATE_DEMO=1 cargo test -p atlas-core --test incidents_synthetic",
        committed.len(),
        buf.len()
    );
    assert_eq!(buf, generated_csv(), "generator is deterministic");
}

#[test]
fn demo_has_the_promised_shape() {
    let events = synthetic_demo_2024();
    assert_eq!(events.len(), 600);
    let mut per_month = [0u32; 12];
    let mut prec = [0usize; 5];
    let mut ttp = 0;
    for e in &events {
        assert_eq!(e.source, SYNTHETIC_SOURCE);
        assert!(e.notes.starts_with("SYNTHETIC DEMO — not real events."), "{}", e.notes);
        assert_eq!(e.date.date.year(), 2024);
        per_month[e.date.date.month0() as usize] += 1;
        prec[e.location_precision as usize] += 1;
        // Inside Pakistan's bounding box.
        assert!((60.8..=77.9).contains(&e.lon) && (23.6..=37.1).contains(&e.lat), "{} {}", e.lon, e.lat);
        assert!(["Khyber Pakhtunkhwa", "Balochistan"].contains(&e.admin1.as_str()));
        assert!(e.fatalities.is_some_and(|f| f <= 25));
        if e.actor1.contains("TTP") {
            ttp += 1;
            let zhob = e.admin1 == "Balochistan" && (e.admin2 == "Zhob" || e.admin2.is_empty());
            assert!(e.admin1 == "Khyber Pakhtunkhwa" || zhob, "{e:?}");
        } else {
            assert!(e.actor1.contains("BLA"));
            assert_eq!(e.admin1, "Balochistan");
        }
    }
    assert_eq!(per_month, [42, 40, 46, 44, 48, 46, 52, 68, 50, 54, 58, 52]);
    assert_eq!((prec[LocationPrecision::Point as usize], prec[LocationPrecision::Country as usize]), (0, 0));
    let (town, district, province) = (prec[1], prec[2], prec[3]);
    assert!((440..=520).contains(&town), "town {town}");
    assert!((60..=120).contains(&district), "district {district}");
    assert!((12..=50).contains(&province), "province {province}");
    assert!((320..=400).contains(&ttp), "TTP {ttp}");
    assert!(events.windows(2).all(|w| w[0].date.date <= w[1].date.date));
    assert_eq!((events[0].id.as_str(), events[599].id.as_str()), ("SYN2024-0001", "SYN2024-0600"));
}

#[test]
fn demo_file_reads_back_through_the_acled_importer() {
    let imp = import_csv_file(Path::new(DEMO), &CsvFormat::Auto, |_, _| ControlFlow::Continue(())).unwrap();
    assert_eq!(imp.schema, Schema::Acled);
    assert_eq!((imp.report.rows_read, imp.report.rows_kept), (600, 600), "{:?}", imp.report.rows_dropped);
    for (read, made) in imp.incidents.iter().zip(synthetic_demo_2024()) {
        assert_eq!(read.to_owned(), made);
    }
}
