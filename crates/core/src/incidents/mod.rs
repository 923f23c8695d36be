//! Incident data: model, importers (ACLED, UCDP GED, GTD, generic CSV, GeoJSON) and the synthetic demo scenario.
//!
//! Importers read a file into a compact [`IncidentStore`]; bad rows are reported in an
//! [`ImportReport`] by line and reason while the rest loads. The schema of a CSV is detected
//! from its header ([`detect_schema`]). Each codebook's location precision codes are mapped to
//! [`LocationPrecision`] (see [`acled_location_precision`], [`ucdp_location_precision`],
//! [`gtd_location_precision`]).

mod acled;
mod chunk;
mod date;
mod fields;
mod generic;
mod geojson_points;
mod gtd;
mod import;
mod import_par;
mod import_seq;
mod interner;
mod lines;
mod model;
mod notes;
mod parser;
mod schema;
mod store;
mod synthetic;
mod synthetic_places;
mod ucdp;
mod write;

pub use acled::{acled_date_precision, acled_location_precision};
pub use date::{from_range, parse_date, parse_ymd_unknown_zero};
pub use generic::{ColumnMapping, parse_precision_word};
pub use geojson_points::{import_geojson, import_geojson_file};
pub use gtd::gtd_location_precision;
pub use import::{
    CsvFormat, ImportError, ImportProgress, ImportReport, Imported, import_csv, import_csv_chunked,
    import_csv_file, import_csv_sequential,
};
pub use interner::Interner;
pub use model::{DatePrecision, Incident, IncidentDate, IncidentView, LocationPrecision};
pub use schema::{Schema, detect_schema};
pub use store::IncidentStore;
pub use synthetic::{SYNTHETIC_SEED, SYNTHETIC_SOURCE, synthetic_demo_2024};
pub use synthetic_places::{DemoGroup, SYNTHETIC_PLACES, SyntheticPlace};
pub use ucdp::{ucdp_location_precision, ucdp_violence_type};
pub use write::{ACLED_LIKE_HEADER, write_acled_like_csv};
