//! `frontier-atlas export`: slide-ready PNGs rendered headless (no window, no display).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use crate::export::project::{Project, SavedView};
use crate::export::{Banner, BannerPreset, ExportSettings, Exporter, parse_size, save_png};
use crate::scene::AtlasData;
use crate::state::{LayerId, LayerSettings, START_CENTER, START_ZOOM};

/// Options of the export command (see `frontier-atlas export --help`).
#[derive(clap::Args, Debug, Default)]
pub struct ExportArgs {
    /// Output PNG (with a single view).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Project JSON to take layers, views and layout from.
    #[arg(long)]
    pub project: Option<PathBuf>,
    /// Export this named view of the project (default: its first view, if it has any).
    #[arg(long, conflicts_with = "all_views")]
    pub view: Option<String>,
    /// Export every named view of the project into --out-dir.
    #[arg(long, requires = "out_dir")]
    pub all_views: bool,
    /// Directory for --all-views.
    #[arg(long)]
    pub out_dir: Option<PathBuf>,
    /// WxH in pixels, or 1080p, 4k, 720p, a4-300dpi (default 1920x1080).
    #[arg(long)]
    pub size: Option<String>,
    /// Map centre as LON,LAT.
    #[arg(long, allow_hyphen_values = true)]
    pub center: Option<String>,
    /// Zoom as framed for a 1200-px-wide map (wider images zoom in to show the same area).
    #[arg(long)]
    pub zoom: Option<f64>,
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub subtitle: Option<String>,
    /// Classification / caveat banner text, top and bottom (e.g. "UNCLASSIFIED // FOR TRAINING").
    #[arg(long)]
    pub banner: Option<String>,
    /// Banner colour: unclassified (green), restricted (yellow), confidential (blue), secret (red).
    #[arg(long, default_value = "unclassified")]
    pub banner_preset: String,
    /// Comma-separated layers to show (others hidden), e.g. basemap,provinces,districts,towns,
    /// report_places,training_camps,group_presence,group_network (an unknown name lists all).
    #[arg(long, value_delimiter = ',')]
    pub layers: Option<Vec<String>>,
    /// Dark basemap.
    #[arg(long)]
    pub dark: bool,
}

/// Afghanistan and Pakistan (lon min, lat min, lon max, lat max).
pub const AF_PK_BBOX: [f64; 4] = [60.5, 23.6, 77.9, 38.5];

fn parse_layer(name: &str) -> Result<LayerId, String> {
    serde_json::from_value(serde_json::Value::String(name.trim().to_owned())).map_err(|_| {
        let valid: Vec<String> = LayerId::ALL
            .iter()
            .filter_map(|l| serde_json::to_value(l).ok())
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect();
        format!("unknown layer {name:?}; valid layers: {}", valid.join(", "))
    })
}

fn parse_center(s: &str) -> Result<[f64; 2], String> {
    let (lon, lat) = s
        .split_once(',')
        .ok_or_else(|| format!("bad --center {s:?}: use LON,LAT"))?;
    match (lon.trim().parse::<f64>(), lat.trim().parse::<f64>()) {
        (Ok(lon), Ok(lat)) if (-180.0..=180.0).contains(&lon) && (-85.0..=85.0).contains(&lat) => {
            Ok([lon, lat])
        }
        _ => Err(format!("bad --center {s:?}: use LON,LAT in degrees")),
    }
}

/// Apply command-line overrides to the project's settings and layers.
fn apply(
    args: &ExportArgs,
    settings: &mut ExportSettings,
    layers: &mut LayerSettings,
) -> Result<(), String> {
    if let Some(s) = &args.size {
        settings.size = parse_size(s)?;
    }
    if let Some(c) = &args.center {
        settings.center = parse_center(c)?;
    }
    if let Some(z) = args.zoom {
        if !(1.0..=18.0).contains(&z) {
            return Err(format!("bad --zoom {z}: use 1 to 18"));
        }
        settings.zoom = z;
    }
    if args.title.is_some() {
        settings.title.clone_from(&args.title);
    }
    if args.subtitle.is_some() {
        settings.subtitle.clone_from(&args.subtitle);
    }
    if let Some(text) = &args.banner {
        let preset: BannerPreset = serde_json::from_value(serde_json::Value::String(
            args.banner_preset.clone(),
        ))
        .map_err(|_| {
            format!(
                "unknown --banner-preset {:?}: unclassified, restricted, confidential, secret",
                args.banner_preset
            )
        })?;
        settings.banner = Some(Banner {
            text: text.clone(),
            preset,
        });
    }
    if args.dark {
        settings.dark = true;
    }
    if let Some(names) = &args.layers {
        let ids = names
            .iter()
            .map(|n| parse_layer(n))
            .collect::<Result<Vec<_>, _>>()?;
        for id in LayerId::ALL {
            layers.get_mut(id).visible = ids.contains(&id);
        }
    }
    Ok(())
}

/// Render and save one export, creating the renderer on first use (so that argument errors
/// come first) and reusing it, with its tiles, for the next views.
fn render_one(
    dir: &Path,
    data: &Arc<AtlasData>,
    exporter: &mut Option<Exporter>,
    layers: &LayerSettings,
    settings: &ExportSettings,
    out: &Path,
) -> Result<(), String> {
    let exporter = match exporter {
        Some(e) => e,
        None => exporter.insert(
            Exporter::new(data.clone())
                .map_err(|e| e.to_string())?
                .with_density(dir.to_path_buf()),
        ),
    };
    let image = exporter
        .render(layers, settings, false)
        .map_err(|e| e.to_string())?
        .image;
    save_png(&image, out).map_err(|e| e.to_string())?;
    eprintln!(
        "wrote {} ({}×{})",
        out.display(),
        image.width(),
        image.height()
    );
    Ok(())
}

fn slug(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    s.trim_matches('-').to_owned()
}

fn run_inner(dir: &Path, args: &ExportArgs) -> Result<(), String> {
    let project = match &args.project {
        Some(p) => Project::load(p).map_err(|e| e.to_string())?,
        None => Project::default(),
    };
    let data = Arc::new(AtlasData::load(dir));
    for d in &data.diagnostics {
        eprintln!("warning: {d}");
    }
    let stamp = chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string();
    let for_view = |view: Option<&SavedView>| -> Result<(ExportSettings, LayerSettings), String> {
        let (center, zoom, mut layers) = match view {
            Some(v) => (v.center, v.zoom, project.layers_for(v)),
            None => (
                [START_CENTER.0, START_CENTER.1],
                START_ZOOM,
                project.layers.clone(),
            ),
        };
        let mut settings = project.export.settings(center, zoom, project.dark, &stamp);
        if let Some(t) = view.and_then(|v| v.title.clone()) {
            settings.title = Some(t);
        }
        apply(args, &mut settings, &mut layers)?;
        // The start view frames Afghanistan and Pakistan whatever the image's shape.
        if view.is_none() && args.center.is_none() && args.zoom.is_none() {
            settings.fit(AF_PK_BBOX);
        }
        Ok((settings, layers))
    };
    let find = |name: &str| -> Result<&SavedView, String> {
        project
            .views
            .iter()
            .find(|v| v.name == name)
            .ok_or_else(|| {
                let names: Vec<&str> = project.views.iter().map(|v| v.name.as_str()).collect();
                format!(
                    "unknown view {name:?}; the project has: {}",
                    if names.is_empty() {
                        "no views".into()
                    } else {
                        names.join(", ")
                    }
                )
            })
    };
    if args.all_views {
        let out_dir = args.out_dir.as_ref().ok_or("--all-views needs --out-dir")?;
        if !out_dir.is_dir() {
            return Err(format!(
                "--out-dir {} is not a directory",
                out_dir.display()
            ));
        }
        if project.views.is_empty() {
            return Err("the project has no named views".into());
        }
        // Check every view before the slow part; one file per view, names made unique.
        let mut jobs = Vec::new();
        let mut names = std::collections::HashSet::new();
        for (i, v) in project.views.iter().enumerate() {
            let base = Some(slug(&v.name))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| format!("view-{}", i + 1));
            let mut name = base.clone();
            let mut n = 1;
            while !names.insert(name.clone()) {
                n += 1;
                name = format!("{base}-{n}");
            }
            jobs.push((for_view(Some(v))?, out_dir.join(format!("{name}.png"))));
        }
        let mut exporter = None;
        for ((settings, layers), path) in jobs {
            render_one(dir, &data, &mut exporter, &layers, &settings, &path)?;
        }
        return Ok(());
    }
    let out = args
        .out
        .as_ref()
        .ok_or("--out FILE.png is required (or --all-views --out-dir DIR)")?;
    // No --view: the project's first view, else the start view.
    let view = match args.view.as_deref() {
        Some(name) => Some(find(name)?),
        None => project.views.first(),
    };
    let (settings, layers) = for_view(view)?;
    render_one(dir, &data, &mut None, &layers, &settings, out)
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
