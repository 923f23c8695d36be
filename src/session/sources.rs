//! From a project's source definitions to what the loaders read: incident import sources,
//! the findings files, camp-point files and report texts, each with a key that changes when
//! the definition does.

use std::path::{Path, PathBuf};

use atlas_core::project::{
    DEMO_FILE, FINDINGS_FILE, FileRef, IncidentFormat, LayerDef, SchemaDef, SourceDef, SourceKind,
    resolve_file,
};
use atlas_core::report::{Extractor, GROUPS_FILE, Report};

use super::scene::ReadText;
use crate::density::{By, DensityParams, DensityQuery, ImportFormat, Source, Weight};
use crate::scene::AtlasData;

/// The importer source for an incident source definition.
pub fn incident_source(
    file: &FileRef,
    format: &IncidentFormat,
    data_dir: &Path,
) -> Result<Source, String> {
    if file.bundled.as_deref() == Some(DEMO_FILE) {
        return Ok(Source::Demo {
            data_dir: data_dir.to_path_buf(),
        });
    }
    let path = resolve_file(file, data_dir);
    let format = match format.schema {
        SchemaDef::Geojson => ImportFormat::GeoJson(Box::new(format.geojson_mapping()?)),
        _ => ImportFormat::Csv(format.csv_format()?.unwrap_or_default()),
    };
    Ok(Source::File { path, format })
}

/// A key identifying a source's definition (reload when it changes).
pub fn key_of(s: &SourceDef) -> String {
    serde_json::to_string(&s.kind).unwrap_or_default()
}

/// The settings an incident layer's analysis uses.
pub fn layer_params(layer: &LayerDef, border_km: f64) -> DensityParams {
    use atlas_core::project::{ByDef, WeightDef};
    let d = layer.style.density.clone().unwrap_or_default();
    DensityParams {
        query: DensityQuery {
            filter: layer.filter.to_incident_filter(),
            by: match d.by {
                ByDef::Province => By::Province,
                ByDef::District => By::District,
            },
            weight: match d.weight {
                WeightDef::Events => Weight::Events,
                WeightDef::Fatalities => Weight::Fatalities,
            },
            bandwidth_km: d.bandwidth_km,
            method: d.method.into(),
            classes: d.classes,
            border_km,
        },
        bucket: d.bucket.into(),
        rescale_per_frame: d.rescale_per_frame,
    }
}

/// The project's findings files: (findings, report text, groups); `None` for the bundled
/// report (already loaded with the reference data).
pub fn findings_files(
    s: &SourceDef,
    data_dir: &Path,
) -> Option<(PathBuf, Option<PathBuf>, PathBuf)> {
    let SourceKind::Findings {
        file,
        report,
        groups,
    } = &s.kind
    else {
        return None;
    };
    if file.bundled.as_deref() == Some(FINDINGS_FILE) && report.is_none() && groups.is_none() {
        return None;
    }
    let findings = resolve_file(file, data_dir);
    let report = report.as_ref().map(|r| resolve_file(r, data_dir));
    let groups = groups
        .as_ref()
        .map(|g| resolve_file(g, data_dir))
        .unwrap_or_else(|| {
            let beside = findings.with_file_name(GROUPS_FILE);
            if beside.is_file() {
                beside
            } else {
                data_dir.join("report").join(GROUPS_FILE)
            }
        });
    Some((findings, report, groups))
}

/// Load a findings source into the reference data (on a worker). A missing findings file is
/// an error (the layers would be empty); other problems are kept as diagnostics.
pub fn load_findings(
    base: &AtlasData,
    (findings, report, groups): (PathBuf, Option<PathBuf>, PathBuf),
) -> Result<AtlasData, String> {
    if !findings.is_file() {
        return Err(format!("{}: file not found", findings.display()));
    }
    let (r, diags): (Report, _) = atlas_core::report::load_report_files(
        &findings,
        report.as_deref(),
        &groups,
        &base.gazetteer,
    );
    Ok(base.with_report(r, diags))
}

/// Read and extract a report text (on a worker).
pub fn load_text(
    base: &AtlasData,
    file: Option<PathBuf>,
    text: Option<String>,
) -> Result<ReadText, String> {
    let text = match (text, file) {
        (Some(t), _) => t,
        (None, Some(p)) => {
            std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?
        }
        (None, None) => String::new(),
    };
    let extraction = Extractor::new(&base.gazetteer, &base.report.groups).extract(&text);
    Ok(ReadText { text, extraction })
}

/// Read camp points (on a worker): a file with no valid point is an error naming the file
/// and the first problems; otherwise problems are logged and the valid points kept.
pub fn load_camps(path: PathBuf) -> Result<Vec<atlas_core::report::CampPoint>, String> {
    if !path.is_file() {
        return Err(format!("{}: file not found", path.display()));
    }
    let (points, diags) = atlas_core::report::read_camp_points(&path);
    for d in &diags {
        log::warn!("{d}");
    }
    if points.is_empty() {
        let first: Vec<String> = diags.iter().take(3).map(ToString::to_string).collect();
        return Err(if first.is_empty() {
            format!("{}: no camp points", path.display())
        } else {
            first.join("; ")
        });
    }
    Ok(points)
}
