//! A seeded ACLED-shaped CSV writer for the import benchmark and the 10M-row measurement
//! (the app's `incidents` bench writes its file with it too).

use std::io::{BufWriter, Write};
use std::path::Path;

use atlas_core::incidents::SYNTHETIC_PLACES;

/// Small deterministic generator (no extra dependencies).
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 11
    }
    pub fn unit(&mut self) -> f64 {
        self.next() as f64 / (1u64 << 53) as f64
    }
}

const HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,\
    sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,\
    civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,\
    geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const TYPES: [(&str, &str); 3] = [
    ("Battles", "Armed clash"),
    (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    ),
    ("Violence against civilians", "Attack"),
];

/// Write `rows` rows with ACLED's 31 export columns, positions around the demo districts.
pub fn write_acled_csv(path: &Path, rows: usize) -> std::io::Result<()> {
    let mut w = BufWriter::new(std::fs::File::create(path)?);
    writeln!(w, "{HEADER}")?;
    let mut r = Lcg(42);
    for i in 0..rows {
        let p = &SYNTHETIC_PLACES[(r.next() % SYNTHETIC_PLACES.len() as u64) as usize];
        let (m, d) = (r.next() % 12, r.next() % 28 + 1);
        let date = if i % 2 == 0 {
            format!("2024-{:02}-{:02}", m + 1, d)
        } else {
            format!("{d} {} 2024", MONTHS[m as usize])
        };
        let (t, st) = TYPES[(r.next() % 3) as usize];
        let lat = p.lat + (r.unit() - 0.5) * 0.6;
        let lon = p.lon + (r.unit() - 0.5) * 0.6;
        writeln!(
            w,
            "PAK{i},{date},2024,1,Political violence,{t},{st},Actor {a},,2,Military Forces of Pakistan (2018-),,1,12,,\
             586,Southern Asia,Pakistan,{prov},{dist},,{town},{lat:.4},{lon:.4},{gp},Source {s},National,\
             \"On {date}, a benchmark row near {town}, {dist}: {st}, several reported, source {s}.\",{f},,1700000000",
            a = r.next() % 40,
            prov = p.province,
            dist = p.district,
            town = p.town,
            gp = r.next() % 3 + 1,
            s = r.next() % 500,
            f = r.next() % 6,
        )?;
    }
    w.flush()
}

/// The `rows`-row file in the temp dir, written on first use.
pub fn acled_file(rows: usize) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("atlas-core-import-{rows}.csv"));
    if !path.exists() {
        let part = path.with_extension("partial");
        write_acled_csv(&part, rows).expect("cannot write the benchmark CSV to the temp dir");
        std::fs::rename(&part, &path).expect("cannot rename the benchmark CSV");
    }
    path
}
