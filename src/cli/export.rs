//! `frontier-atlas export`: slide-ready PNGs of a project rendered headless (no window, no
//! display), through the same renderer as the window and its export dialog.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use atlas_core::project::{
    BannerPreset, LayerDef, Project, SavedView, check_center, check_size, check_zoom, load_project,
};

use super::load::{load_session, now_stamp};
use crate::export::{
    Banner, ExportJob, ExportSettings, Exporter, LayoutJson, parse_size, save_png,
};
use crate::session::Scene;
use crate::state::{START_CENTER, START_ZOOM};

/// Options of the export command (see `frontier-atlas export --help`).
#[derive(clap::Args, Debug, Default)]
pub struct ExportArgs {
    /// Output PNG (with a single view); `-` writes the PNG to standard output.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Project JSON to export (layers, data sources, views, layout, basemap).
    #[arg(long)]
    pub project: Option<PathBuf>,
    /// Export this named view of the project (default: its first view, if it has any).
    #[arg(long, conflicts_with = "all_views")]
    pub view: Option<String>,
    /// Export every named view of the project into --out-dir, one `<view name>.png` each.
    #[arg(long, requires = "out_dir")]
    pub all_views: bool,
    /// Directory for --all-views.
    #[arg(long)]
    pub out_dir: Option<PathBuf>,
    /// WxH in pixels, or 1080p, 4k, 720p, a4-300dpi (default: the project's, 1920x1080).
    #[arg(long)]
    pub size: Option<String>,
    /// Map centre as LON,LAT.
    #[arg(long, allow_hyphen_values = true)]
    pub center: Option<String>,
    /// Zoom as framed for a 1200-px-wide map (wider images zoom in to show the same area).
    #[arg(long)]
    pub zoom: Option<f64>,
    /// Title (default: the view's, else the project's).
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub subtitle: Option<String>,
    /// Classification / caveat banner text, top and bottom (e.g. "UNCLASSIFIED // FOR TRAINING").
    #[arg(long)]
    pub banner: Option<String>,
    /// Banner colour (with --banner): unclassified (green), restricted (yellow), confidential
    /// (blue), secret (red).
    #[arg(long, requires = "banner")]
    pub banner_preset: Option<String>,
    /// Comma-separated layers to show (others hidden): layer ids of the project, or kinds
    /// (basemap, provinces, districts, towns, report_places, training_camps, group_presence,
    /// group_network, choropleth, heatmap, incidents, camp_points, text_places).
    #[arg(long, value_delimiter = ',')]
    pub layers: Option<Vec<String>>,
    /// Dark basemap.
    #[arg(long)]
    pub dark: bool,
    /// Key the basemap's own symbols (international and disputed borders) in the legend.
    #[arg(long)]
    pub legend_basemap: bool,
    /// Leave out the locator inset (on by default).
    #[arg(long)]
    pub no_inset: bool,
    /// Put the legend in this corner: top-left, top-right, bottom-left, bottom-right (default:
    /// the corner where it covers no report place and the fewest labels).
    #[arg(long, value_name = "CORNER")]
    pub legend_corner: Option<String>,
    /// Also write what was placed, in image pixels, as JSON: every map label (text, x, y,
    /// w, h, layer) and every piece of furniture (title, legend, scale bar, …).
    #[arg(long, value_name = "FILE", conflicts_with = "all_views")]
    pub layout_json: Option<PathBuf>,
    /// Basemap: builtin, builtin-dark, osm, opentopomap, a .mbtiles / .pmtiles file, or an
    /// http(s):// template with {z}, {x} and {y} (giving a URL here is the consent to fetch).
    #[arg(long, value_name = "SPEC")]
    pub basemap: Option<String>,
}

/// `--basemap SPEC` as the project's basemap.
pub fn parse_basemap(spec: &str) -> Result<atlas_core::project::BasemapSpec, String> {
    let t: atlas_core::tiles::BasemapSpec = spec
        .parse()
        .map_err(|e| format!("bad --basemap {spec:?}: {e}"))?;
    Ok(atlas_core::project::BasemapSpec::from_tiles(&t))
}

/// Afghanistan and Pakistan (lon min, lat min, lon max, lat max).
pub const AF_PK_BBOX: [f64; 4] = [60.5, 23.6, 77.9, 38.5];

fn parse_center(s: &str) -> Result<[f64; 2], String> {
    let (lon, lat) = s
        .split_once(',')
        .ok_or_else(|| format!("bad --center {s:?}: use LON,LAT"))?;
    let c = match (lon.trim().parse::<f64>(), lat.trim().parse::<f64>()) {
        (Ok(lon), Ok(lat)) => [lon, lat],
        _ => return Err(format!("bad --center {s:?}: use LON,LAT in degrees")),
    };
    check_center(c).map_err(|e| format!("bad --center {s:?}: {e}"))?;
    Ok(c)
}

/// Show only the named layers (ids, or kinds naming every layer of the kind).
fn only_layers(layers: &mut [LayerDef], names: &[String]) -> Result<(), String> {
    for n in names {
        let n = n.trim();
        if !layers.iter().any(|l| l.id == n || l.kind.key() == n) {
            let mut valid: Vec<&str> = layers.iter().map(|l| l.id.as_str()).collect();
            valid.extend(layers.iter().map(|l| l.kind.key()));
            valid.dedup();
            return Err(format!(
                "unknown layer {n:?}; valid layers: {}",
                valid.join(", ")
            ));
        }
    }
    for l in layers.iter_mut() {
        l.style.visible = names
            .iter()
            .any(|n| l.id == n.trim() || l.kind.key() == n.trim());
    }
    Ok(())
}

/// A file name from a view name: path separators, reserved and control characters become
/// `-`; letters of every script are kept.
pub fn file_stem(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '-'
            } else {
                c
            }
        })
        .collect();
    s.trim_matches(|c: char| c.is_whitespace() || c == '.' || c == '-')
        .to_owned()
}

/// One image to make: settings, layers, where it goes.
struct Plan {
    settings: ExportSettings,
    layers: Vec<LayerDef>,
    out: PathBuf,
}

fn plan(
    args: &ExportArgs,
    project: &Project,
    view: Option<&SavedView>,
    out: PathBuf,
) -> Result<Plan, String> {
    let (center, zoom, mut layers) = match view {
        Some(v) => (v.center, v.zoom, project.layers_for_view(v)),
        None => (
            [START_CENTER.0, START_CENTER.1],
            START_ZOOM,
            project.layers.clone(),
        ),
    };
    let dark = args.dark || project.basemap.is_dark();
    let mut s = ExportSettings::from_layout(&project.layout, center, zoom, dark, &now_stamp());
    if let Some(v) = view {
        if v.title.is_some() {
            s.title.clone_from(&v.title);
        }
        if v.subtitle.is_some() {
            s.subtitle.clone_from(&v.subtitle);
        }
    }
    if let Some(size) = &args.size {
        s.size = parse_size(size)?;
    }
    check_size(s.size).map_err(|e| format!("bad size: {e}"))?;
    if let Some(c) = &args.center {
        s.center = parse_center(c)?;
    }
    if let Some(z) = args.zoom {
        check_zoom(z).map_err(|e| format!("bad --zoom {e}"))?;
        s.zoom = z;
    }
    if args.title.is_some() {
        s.title.clone_from(&args.title);
    }
    s.legend_basemap |= args.legend_basemap;
    if let Some(c) = &args.legend_corner {
        s.legend_corner = Some(atlas_core::project::Corner::parse(c).ok_or_else(|| {
            format!("bad --legend-corner {c:?}: top-left, top-right, bottom-left or bottom-right")
        })?);
    }
    if args.no_inset {
        s.inset = false;
    }
    if args.subtitle.is_some() {
        s.subtitle.clone_from(&args.subtitle);
    }
    if let Some(text) = &args.banner {
        let preset = match &args.banner_preset {
            Some(p) => BannerPreset::parse(p).ok_or_else(|| {
                format!(
                    "unknown --banner-preset {p:?}: unclassified, restricted, confidential, secret"
                )
            })?,
            None => BannerPreset::Unclassified,
        };
        s.banner = Some(Banner {
            text: text.clone(),
            preset,
        });
    }
    if let Some(names) = &args.layers {
        only_layers(&mut layers, names)?;
    }
    // The start view frames Afghanistan and Pakistan whatever the image's shape.
    if view.is_none() && args.center.is_none() && args.zoom.is_none() {
        s.fit(AF_PK_BBOX);
    }
    Ok(Plan {
        settings: s,
        layers,
        out,
    })
}

/// `--out` must name a PNG (or be `-`).
fn check_out(out: &Path) -> Result<(), String> {
    if out == Path::new("-") {
        return Ok(());
    }
    match out.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("png") => Ok(()),
        other => Err(format!(
            "--out {}: exports are PNG images; use a .png file name (got {})",
            out.display(),
            other.map_or("no extension".into(), |e| format!(".{e}"))
        )),
    }
}

fn plans(args: &ExportArgs, project: &Project) -> Result<Vec<Plan>, String> {
    if args.all_views {
        let dir = args.out_dir.as_ref().ok_or("--all-views needs --out-dir")?;
        if !dir.is_dir() {
            return Err(format!("--out-dir {} is not a directory", dir.display()));
        }
        if project.views.is_empty() {
            return Err("the project has no named views".into());
        }
        let mut names = std::collections::HashSet::new();
        let mut out = Vec::new();
        for (i, v) in project.views.iter().enumerate() {
            let base = Some(file_stem(&v.name))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| format!("view-{}", i + 1));
            let mut name = base.clone();
            let mut n = 1;
            while !names.insert(name.to_lowercase()) {
                n += 1;
                name = format!("{base}-{n}");
            }
            out.push(plan(
                args,
                project,
                Some(v),
                dir.join(format!("{name}.png")),
            )?);
        }
        return Ok(out);
    }
    let out = args
        .out
        .clone()
        .ok_or("--out FILE.png is required (or --all-views --out-dir DIR)")?;
    check_out(&out)?;
    let view = match args.view.as_deref() {
        Some(name) => Some(project.view(name).ok_or_else(|| {
            let names: Vec<&str> = project.views.iter().map(|v| v.name.as_str()).collect();
            format!(
                "unknown view {name:?}; the project has: {}",
                if names.is_empty() {
                    "no views".into()
                } else {
                    names.join(", ")
                }
            )
        })?),
        None => project.views.first(),
    };
    Ok(vec![plan(args, project, view, out)?])
}

fn write(image: &image::RgbaImage, out: &Path) -> Result<(), String> {
    if out == Path::new("-") {
        let mut bytes = Vec::new();
        image
            .write_to(
                &mut std::io::Cursor::new(&mut bytes),
                image::ImageFormat::Png,
            )
            .map_err(|e| e.to_string())?;
        return super::output::write_stdout(&bytes).map_err(|e| format!("standard output: {e}"));
    }
    save_png(image, out).map_err(|e| e.to_string())
}

fn run_inner(dir: &Path, args: &ExportArgs) -> Result<(), String> {
    let mut project = match &args.project {
        Some(p) => load_project(p).map_err(|e| e.to_string())?,
        None => Project::default(),
    };
    if args.dark {
        project.basemap = atlas_core::project::BasemapSpec::Builtin { dark: true };
    }
    if let Some(b) = &args.basemap {
        project.basemap = parse_basemap(b)?;
    }
    // Every argument is checked before anything slow.
    let plans = plans(args, &project)?;
    let scene: Scene = load_session(dir, &project)?;
    let mut exporter = Exporter::new().map_err(|e| e.to_string())?;
    for p in plans {
        let job = ExportJob {
            project: project.clone(),
            layers: p.layers,
            scene: scene.clone(),
            settings: p.settings,
        };
        let rendered = exporter.render(&job).map_err(|e| e.to_string())?;
        let image = rendered.image;
        write(&image, &p.out)?;
        if let Some(path) = &args.layout_json {
            let json = LayoutJson::new(&rendered.layout, job.settings.size, rendered.ppp);
            std::fs::write(path, json.to_json())
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        eprintln!(
            "wrote {} ({}×{})",
            p.out.display(),
            image.width(),
            image.height()
        );
    }
    Ok(())
}

pub fn run(dir: &Path, args: &ExportArgs) -> ExitCode {
    match run_inner(dir, args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("export: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn view_names_become_file_names_in_any_script() {
        assert_eq!(file_stem("Khost / Paktika"), "Khost - Paktika");
        assert_eq!(file_stem("کابل"), "کابل");
        assert_eq!(file_stem("../x"), "x");
        assert_eq!(file_stem("a:b*c?"), "a-b-c");
    }

    #[test]
    fn out_must_be_png() {
        assert!(check_out(Path::new("x.png")).is_ok());
        assert!(check_out(Path::new("X.PNG")).is_ok());
        assert!(check_out(Path::new("-")).is_ok());
        assert!(
            check_out(Path::new("x.jpg"))
                .expect_err("jpg")
                .contains(".jpg")
        );
        assert!(
            check_out(Path::new("x"))
                .expect_err("none")
                .contains("no extension")
        );
    }
}
