//! `frontier-atlas project new|show`: make a project headless for scripted weekly briefs
//! (imported files read and checked, bad rows reported with line and reason), and describe
//! one as JSON.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use atlas_core::incidents::ImportProgress;
use atlas_core::project::{
    Banner, BannerPreset, FileRef, IncidentFormat, MappingDef, Project, SavedView, SchemaDef,
    SourceDef, SourceKind, check_center, check_zoom, load_project, resolve_file, save_project,
    validate_project,
};
use serde_json::json;

use super::output::write_stdout;
use crate::density::jobs::{Source, read_source};
use crate::session::sources::incident_source;

/// `project` subcommands.
#[derive(clap::Subcommand, Debug)]
pub enum ProjectCommand {
    /// Write a new project file from incident files, camp points, findings and views.
    New(Box<NewArgs>),
    /// Describe a project: {"version","title","datasets":[{"name","path","schema",
    /// "rows_kept","rows_dropped"}],"layers":[{"id","kind","source","visible"}],
    /// "views":[{"name","center":[lon,lat],"zoom"}]}.
    Show {
        project: PathBuf,
        /// Print JSON (otherwise a short summary).
        #[arg(long)]
        json: bool,
    },
}

/// Options of `project new`.
#[derive(clap::Args, Debug)]
pub struct NewArgs {
    /// Where to write the project (JSON).
    pub out: PathBuf,
    /// An incident file (ACLED / UCDP GED / GTD CSV by header, or GeoJSON points); repeat
    /// for several datasets.
    #[arg(long = "import", value_name = "FILE")]
    pub imports: Vec<PathBuf>,
    /// Column mapping for generic CSV imports: lon=COL,lat=COL,date=COL,actor=COL[,fatalities=COL,
    /// event_type=COL,id=COL,location=COL,precision=COL,default_precision=WORD].
    #[arg(long, value_name = "MAPPING")]
    pub map: Option<String>,
    /// Keep the synthetic demo dataset (default only when nothing is imported).
    #[arg(long)]
    pub demo: bool,
    /// Camp points with coordinates (CSV with lon/lat columns, or GeoJSON); repeatable.
    #[arg(long = "camps", value_name = "FILE")]
    pub camps: Vec<PathBuf>,
    /// Findings file (default: the bundled report's).
    #[arg(long, value_name = "FILE")]
    pub findings: Option<PathBuf>,
    /// A saved view, NAME=LON,LAT,ZOOM; repeatable.
    #[arg(
        long = "view",
        value_name = "NAME=LON,LAT,ZOOM",
        allow_hyphen_values = true
    )]
    pub views: Vec<String>,
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub subtitle: Option<String>,
    /// Classification banner text.
    #[arg(long)]
    pub banner: Option<String>,
    /// Banner colour: unclassified, restricted, confidential, secret.
    #[arg(long, requires = "banner")]
    pub banner_preset: Option<String>,
    /// Dark basemap.
    #[arg(long)]
    pub dark: bool,
    /// Basemap SPEC (as `export --basemap`).
    #[arg(long, value_name = "SPEC")]
    pub basemap: Option<String>,
}

pub fn run(dir: &Path, cmd: &ProjectCommand) -> ExitCode {
    let r = match cmd {
        ProjectCommand::New(a) => new(dir, a),
        ProjectCommand::Show { project, json } => show(dir, project, *json),
    };
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("project: {e}");
            ExitCode::FAILURE
        }
    }
}

fn parse_view(s: &str) -> Result<SavedView, String> {
    let bad = || format!("bad --view {s:?}: use NAME=LON,LAT,ZOOM");
    let (name, rest) = s.rsplit_once('=').ok_or_else(bad)?;
    let nums: Vec<f64> = rest
        .split(',')
        .map(|v| v.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| bad())?;
    let [lon, lat, zoom] = nums[..] else {
        return Err(bad());
    };
    check_center([lon, lat]).map_err(|e| format!("bad --view {s:?}: {e}"))?;
    check_zoom(zoom).map_err(|e| format!("bad --view {s:?}: {e}"))?;
    if name.trim().is_empty() {
        return Err(format!("bad --view {s:?}: the view needs a name"));
    }
    Ok(SavedView::new(name.trim(), [lon, lat], zoom))
}

/// The format of an import: GeoJSON by extension, else CSV by header (or the mapping).
fn format_of(path: &Path, map: Option<&MappingDef>) -> IncidentFormat {
    let geojson = crate::density::jobs::is_geojson(path);
    IncidentFormat {
        schema: match (geojson, map) {
            (true, _) => SchemaDef::Geojson,
            (false, Some(_)) => SchemaDef::Generic,
            (false, None) => SchemaDef::Auto,
        },
        mapping: map.cloned(),
    }
}

/// Read an incident source and report on stderr; an import keeping no row is an error.
fn check_import(label: &str, source: &Source) -> Result<(String, usize, usize), String> {
    let (origin, _) = read_source(source, &ImportProgress::default())?;
    let r = &origin.report;
    let dropped = r.rows_dropped.len();
    eprintln!(
        "{label}: {} ({}): kept {} of {} rows, {dropped} dropped",
        origin.name,
        origin.schema.name(),
        r.rows_kept,
        r.rows_read
    );
    if r.rows_kept == 0 {
        return Err(r.nothing_kept_message(label, 5));
    }
    for (line, why) in r.rows_dropped.iter().take(10) {
        eprintln!("  {label}:{line}: {why}");
    }
    if dropped > 10 {
        eprintln!("  … and {} more dropped rows", dropped - 10);
    }
    Ok((origin.schema.name().to_owned(), r.rows_kept, dropped))
}

fn new(dir: &Path, a: &NewArgs) -> Result<(), String> {
    let mapping = a.map.as_deref().map(MappingDef::parse_spec).transpose()?;
    let mut p = if a.demo || a.imports.is_empty() {
        Project::default()
    } else {
        Project::without_demo()
    };
    for path in &a.imports {
        let format = format_of(path, mapping.as_ref());
        let file = FileRef::path(std::path::absolute(path).unwrap_or_else(|_| path.clone()));
        check_import(
            &path.display().to_string(),
            &incident_source(&file, &format, dir)?,
        )?;
        let stem = path
            .file_stem()
            .map_or("incidents".into(), |s| s.to_string_lossy().into_owned());
        p.add_incidents(&stem, None, file, format);
    }
    for c in &a.camps {
        let abs = std::path::absolute(c).unwrap_or_else(|_| c.clone());
        let points = crate::session::sources::load_camps(abs.clone())?;
        eprintln!("{}: {} camp points", c.display(), points.len());
        p.add_camp_points(FileRef::path(abs));
    }
    if let Some(f) = &a.findings {
        if !f.is_file() {
            return Err(format!("--findings {}: file not found", f.display()));
        }
        let abs = std::path::absolute(f).unwrap_or_else(|_| f.clone());
        if let Some(SourceDef {
            kind: SourceKind::Findings { file, .. },
            ..
        }) = p
            .sources
            .iter_mut()
            .find(|s| s.id == atlas_core::project::REPORT_SOURCE)
        {
            *file = FileRef::path(abs);
        }
    }
    for v in &a.views {
        p.views.push(parse_view(v)?);
    }
    p.layout.title.clone_from(&a.title);
    p.layout.subtitle.clone_from(&a.subtitle);
    if let Some(text) = &a.banner {
        let preset = match &a.banner_preset {
            Some(s) => BannerPreset::parse(s).ok_or_else(|| {
                format!(
                    "unknown --banner-preset {s:?}: unclassified, restricted, confidential, secret"
                )
            })?,
            None => BannerPreset::Unclassified,
        };
        p.layout.banner = Some(Banner {
            text: text.clone(),
            preset,
        });
    }
    if a.dark {
        p.basemap = atlas_core::project::BasemapSpec::Builtin { dark: true };
    }
    if let Some(b) = &a.basemap {
        p.basemap = super::export::parse_basemap(b)?;
    }
    if let Some(e) = validate_project(&p).first() {
        return Err(e.to_string());
    }
    save_project(&p, &a.out).map_err(|e| e.to_string())?;
    eprintln!("wrote {}", a.out.display());
    Ok(())
}

/// One dataset's line of `project show`, and its load error if any.
fn dataset_json(dir: &Path, s: &SourceDef) -> (serde_json::Value, Option<String>) {
    let SourceKind::Incidents { file, format, .. } = &s.kind else {
        return (serde_json::Value::Null, None);
    };
    let path = file
        .bundled
        .as_ref()
        .map(|b| format!("bundled:{b}"))
        .unwrap_or_else(|| resolve_file(file, dir).display().to_string());
    let read = incident_source(file, format, dir)
        .and_then(|src| read_source(&src, &ImportProgress::default()));
    match read {
        Ok((origin, _)) => (
            json!({
                "id": s.id, "name": s.display_name(), "path": path,
                "schema": origin.schema.name(),
                "rows_kept": origin.report.rows_kept,
                "rows_dropped": origin.report.rows_dropped.len(),
            }),
            None,
        ),
        Err(e) => (
            json!({"id": s.id, "name": s.display_name(), "path": path, "schema": null,
                   "rows_kept": null, "rows_dropped": null, "error": e}),
            Some(e),
        ),
    }
}

fn show(dir: &Path, path: &Path, as_json: bool) -> Result<(), String> {
    let p = load_project(path).map_err(|e| e.to_string())?;
    let mut errors = Vec::new();
    let datasets: Vec<serde_json::Value> = p
        .incident_sources()
        .map(|s| {
            let (v, e) = dataset_json(dir, s);
            errors.extend(e);
            v
        })
        .collect();
    let layers: Vec<_> = p
        .layers
        .iter()
        .map(|l| json!({"id": l.id, "kind": l.kind.key(), "source": l.source, "visible": l.style.visible}))
        .collect();
    let views: Vec<_> = p
        .views
        .iter()
        .map(|v| json!({"name": v.name, "center": v.center, "zoom": v.zoom}))
        .collect();
    let out = json!({
        "version": p.version, "title": p.layout.title,
        "datasets": datasets, "layers": layers, "views": views,
    });
    let text = if as_json {
        serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
    } else {
        summary(&p, &datasets)
    };
    write_stdout(format!("{text}\n").as_bytes()).map_err(|e| e.to_string())?;
    match errors.first() {
        Some(e) => Err(format!(
            "{}: a dataset could not be read: {e}",
            path.display()
        )),
        None => Ok(()),
    }
}

fn summary(p: &Project, datasets: &[serde_json::Value]) -> String {
    let mut lines = vec![format!(
        "project version {}, title {:?}",
        p.version,
        p.layout.title.as_deref().unwrap_or("")
    )];
    for d in datasets {
        lines.push(format!(
            "dataset {}: {} ({}), {} rows kept, {} dropped",
            d["id"], d["path"], d["schema"], d["rows_kept"], d["rows_dropped"]
        ));
    }
    for l in &p.layers {
        let vis = if l.style.visible { "shown" } else { "hidden" };
        lines.push(format!("layer {} ({}) {vis}", l.id, l.kind.key()));
    }
    for v in &p.views {
        lines.push(format!(
            "view {:?} at {:.4},{:.4} zoom {}",
            v.name, v.center[0], v.center[1], v.zoom
        ));
    }
    lines.join("\n")
}
