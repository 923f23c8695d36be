//! `frontier-atlas density --input FILE [...] --json`: events and fatalities per unit and the
//! share of events near the Afghanistan–Pakistan border.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use atlas_core::analysis::{BorderLine, af_pk_border_from_file};
use atlas_core::incidents::{CsvFormat, parse_date};
use atlas_core::project::{check_border_km, check_date_range};

use crate::density::{By, DensityModel, DensityQuery};

#[derive(clap::Args, Debug)]
pub struct DensityArgs {
    /// Incident CSV (ACLED, UCDP GED, GTD).
    #[arg(long)]
    pub input: PathBuf,
    /// acled, ucdp, gtd or auto (from the header).
    #[arg(long, default_value = "auto")]
    pub schema: String,
    /// province or district.
    #[arg(long, default_value = "district")]
    pub by: String,
    /// First day included (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Last day included (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    /// Distance band to the AF–PK border, km (0 to 1000).
    #[arg(long, default_value_t = 50.0, allow_negative_numbers = true)]
    pub border_km: f64,
    /// Print JSON (the only output format for now; kept for symmetry with other commands).
    #[arg(long)]
    pub json: bool,
}

fn day(s: &Option<String>, what: &str) -> Result<Option<chrono::NaiveDate>, String> {
    s.as_deref()
        .map(|v| {
            parse_date(v)
                .map(|d| d.start())
                .map_err(|e| format!("bad {what} date {v:?}: {e}; use YYYY-MM-DD"))
        })
        .transpose()
}

fn run_inner(dir: &Path, a: &DensityArgs) -> Result<serde_json::Value, String> {
    let format = match a.schema.to_ascii_lowercase().as_str() {
        "auto" => CsvFormat::Auto,
        "acled" => CsvFormat::Acled,
        "ucdp" => CsvFormat::UcdpGed,
        "gtd" => CsvFormat::Gtd,
        other => {
            return Err(format!(
                "unknown --schema {other:?}: acled, ucdp, gtd or auto"
            ));
        }
    };
    let by = match a.by.as_str() {
        "province" => By::Province,
        "district" => By::District,
        other => return Err(format!("unknown --by {other:?}: province or district")),
    };
    check_border_km(a.border_km).map_err(|e| format!("--border-km {e}"))?;
    let mut q = DensityQuery {
        by,
        border_km: a.border_km,
        ..Default::default()
    };
    q.filter.from = day(&a.from, "--from")?;
    q.filter.to = day(&a.to, "--to")?;
    check_date_range(q.filter.from, q.filter.to).map_err(|e| format!("--from/--to: {e}"))?;
    let (g, diags) = atlas_core::data::load_gazetteer(dir);
    for d in &diags {
        eprintln!("warning: {d}");
    }
    let border =
        af_pk_border_from_file(&dir.join("basemap/ne_10m_admin_0_boundary_lines_land.geojson"))
            .map(|l| BorderLine::new(&l))
            .map_err(|d| eprintln!("warning: {d}"))
            .ok();
    let m = DensityModel::import(&a.input, &format, &g, border.as_ref())?;
    if m.report.rows_kept == 0 {
        return Err(m
            .report
            .nothing_kept_message(&a.input.display().to_string(), 5));
    }
    for (line, reason) in m.report.rows_dropped.iter().take(20) {
        eprintln!("{}:{line}: dropped: {reason}", a.input.display());
    }
    let f = m.filtered(&q);
    let table = m.counts(&q, &f);
    let units: Vec<_> = table
        .units
        .iter()
        .chain(&table.unassigned)
        .filter(|u| u.events > 0)
        .map(|u| serde_json::json!({"id": u.id, "name": u.name, "country": u.country, "events": u.events, "fatalities": u.fatalities}))
        .collect();
    Ok(serde_json::json!({
        "rows_read": m.report.rows_read,
        "rows_kept": m.report.rows_kept,
        "rows_dropped": m.report.rows_dropped.iter().map(|(line, reason)| serde_json::json!({"line": line, "reason": reason})).collect::<Vec<_>>(),
        "synthetic": m.synthetic,
        "events_selected": f.indices.len(),
        "events_outside_units": table.outside_events,
        "units": units,
        "within_border_km": {"km": q.border_km, "share": m.share_within_border(&q, &f)},
    }))
}

pub fn run(dir: &Path, args: &DensityArgs) -> ExitCode {
    match run_inner(dir, args) {
        Ok(v) => super::output::print_json("density", &v),
        Err(e) => {
            eprintln!("density: {e}");
            ExitCode::FAILURE
        }
    }
}
