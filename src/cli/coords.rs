//! `frontier-atlas coords TEXT [--json]`: a coordinate in any accepted form (decimal, DMS,
//! MGRS), shown in every form.

use std::process::ExitCode;

use atlas_core::coords::{CoordFormat, format_decimal, format_dms, format_mgrs, parse};
use serde::Serialize;

#[derive(clap::Args, Debug)]
pub struct CoordsArgs {
    /// The coordinate: `33.00059, 70.07117`, `33.00059N 70.07117E`, `34°31'41.2"N 69°10'20.3"E`,
    /// `34d 31m 41.2s N 69d 10m 20.3s E`, `42SXB0006551861` or `42S XB 00065 51861`. Several
    /// words are joined with spaces; negative values are fine (`coords -33.5 -70.2`).
    #[arg(required = true, value_name = "TEXT", allow_hyphen_values = true)]
    pub text: Vec<String>,
    /// Print JSON {"lat","lon","dms","mgrs","decimal","format"}; without it, one line per form.
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct Out {
    /// Degrees, 6 decimals (≈ 0.1 m); for MGRS input, the centre of the cell.
    lat: f64,
    lon: f64,
    dms: String,
    /// To 1 m, no spaces.
    mgrs: String,
    decimal: String,
    /// The form the input was written in.
    format: CoordFormat,
}

/// Round to 6 decimals (≈ 0.1 m), for JSON.
pub(crate) fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// Words of a value list that accepts leading hyphens, with `--json` (which clap then takes
/// as a value) taken out: (words, whether `--json` was among them).
pub(crate) fn split_json_flag(words: &[String]) -> (Vec<String>, bool) {
    let json = words.iter().any(|w| w == "--json");
    (
        words.iter().filter(|w| *w != "--json").cloned().collect(),
        json,
    )
}

pub fn run(args: &CoordsArgs) -> ExitCode {
    let (words, json_flag) = split_json_flag(&args.text);
    let json = args.json || json_flag;
    let text = words.join(" ");
    let p = match parse(&text) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("coords: {text:?}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let out = Out {
        lat: round6(p.at.lat()),
        lon: round6(p.at.lon()),
        dms: format_dms(p.at),
        mgrs: format_mgrs(p.at),
        decimal: format_decimal(p.at),
        format: p.format,
    };
    if json {
        return super::output::print_json("coords", &out);
    }
    super::output::print_out(
        "coords",
        &format!(
            "decimal\t{}\ndms\t{}\nmgrs\t{}",
            out.decimal, out.dms, out.mgrs
        ),
    )
}
