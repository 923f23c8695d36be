//! `frontier-atlas distance A B [C…] [--json]`: geodesic length and initial bearing of each
//! leg of a path through coordinates or place names, and the total.

use std::path::Path;
use std::process::ExitCode;

use atlas_core::coords::{LatLon, format_mgrs};
use atlas_core::geodesy::{leg_label, measure_path, total_label};
use atlas_core::goto::{GoTo, go_to};
use atlas_core::search::{MatchKind, SearchIndex};
use serde::Serialize;

use super::coords::{round6, split_json_flag};

#[derive(clap::Args, Debug)]
pub struct DistanceArgs {
    /// Two or more points, each a coordinate in any form `coords` accepts (quote it:
    /// "33.00059, 70.07117") or a place name resolved as `resolve` does (best match).
    #[arg(required = true, num_args = 2.., value_name = "POINT", allow_hyphen_values = true)]
    pub points: Vec<String>,
    /// Print JSON {"km","legs":[{"from","to","km","bearing_deg"}],"points":[…]}; without it,
    /// one line per leg and the total.
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct LegOut {
    from: String,
    to: String,
    /// Geodesic length on WGS84, 3 decimals (1 m).
    km: f64,
    /// Initial bearing, degrees clockwise from true north in [0, 360), 3 decimals.
    bearing_deg: f64,
    label: String,
}

#[derive(Serialize)]
struct PointOut {
    input: String,
    name: String,
    /// `coordinate`, or the place's kind.
    kind: String,
    id: Option<String>,
    lat: f64,
    lon: f64,
    mgrs: String,
}

#[derive(Serialize)]
struct Out {
    km: f64,
    legs: Vec<LegOut>,
    points: Vec<PointOut>,
}

fn round3(v: f64) -> f64 {
    (v * 1e3).round() / 1e3
}

/// Each point as a coordinate or place; an error names the point that failed.
fn resolve_points(
    index: &SearchIndex,
    points: &[String],
) -> Result<Vec<(LatLon, PointOut)>, String> {
    let mut out = Vec::new();
    for (i, text) in points.iter().enumerate() {
        let g = go_to(text, index).map_err(|e| format!("point {} {text:?}: {e}", i + 1))?;
        let at = g.at();
        let (kind, id) = match &g {
            GoTo::Coordinate(_) => ("coordinate".to_owned(), None),
            GoTo::Place { hit, .. } => {
                if hit.matched > MatchKind::Alias {
                    eprintln!(
                        "distance: {text:?} taken as {} ({}, {}): {}",
                        hit.name,
                        hit.kind.as_str(),
                        hit.country.as_deref().unwrap_or("-"),
                        hit.why
                    );
                }
                (hit.kind.as_str().to_owned(), Some(hit.id.clone()))
            }
        };
        let p = PointOut {
            input: text.clone(),
            name: g.label(),
            kind,
            id,
            lat: round6(at.lat()),
            lon: round6(at.lon()),
            mgrs: format_mgrs(at),
        };
        out.push((at, p));
    }
    Ok(out)
}

fn run_inner(dir: &Path, points: &[String]) -> Result<Out, String> {
    if points.len() < 2 {
        return Err("a path needs at least two points".to_owned());
    }
    let (g, diags) = atlas_core::data::load_gazetteer(dir);
    for d in &diags {
        eprintln!("warning: {d}");
    }
    let mut index = SearchIndex::new();
    index.add_gazetteer(&g);
    let (at, points): (Vec<LatLon>, Vec<PointOut>) =
        resolve_points(&index, points)?.into_iter().unzip();
    let m = measure_path(&at);
    let legs = m
        .legs
        .iter()
        .zip(points.windows(2))
        .map(|(l, w)| LegOut {
            from: w[0].name.clone(),
            to: w[1].name.clone(),
            km: round3(l.metres / 1000.0),
            bearing_deg: round3(l.bearing_deg),
            label: leg_label(l.metres, l.bearing_deg),
        })
        .collect();
    Ok(Out {
        km: round3(m.total_m / 1000.0),
        legs,
        points,
    })
}

pub fn run(dir: &Path, args: &DistanceArgs) -> ExitCode {
    let (points, json_flag) = split_json_flag(&args.points);
    let out = match run_inner(dir, &points) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("distance: {e}");
            return ExitCode::FAILURE;
        }
    };
    if args.json || json_flag {
        return super::output::print_json("distance", &out);
    }
    let mut text = String::new();
    for l in &out.legs {
        text += &format!("{} → {}\t{:.3} km\t{}\n", l.from, l.to, l.km, l.label);
    }
    text += &total_label(out.km * 1000.0);
    super::output::print_out("distance", &text)
}
