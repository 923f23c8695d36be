//! Command line: no arguments opens the window; subcommands run headless.

mod coords;
mod density;
mod distance;
pub mod export;
mod extract;
mod load;
pub mod output;
mod project;
mod resolve;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::scene::AtlasData;

/// Frontier Atlas: an offline map of a security report on Afghanistan and Pakistan.
///
/// With no command, opens the map window on the bundled data.
#[derive(Parser, Debug)]
#[command(name = "frontier-atlas", version, about)]
pub struct Cli {
    /// Data directory (default: the bundled `data/`; or set FRONTIER_ATLAS_DATA).
    #[arg(long, global = true)]
    pub data: Option<PathBuf>,
    /// Open the window with this incident file imported (ACLED / UCDP GED / GTD CSV, or
    /// GeoJSON points), replacing the synthetic demo.
    #[arg(long, value_name = "FILE")]
    pub import: Option<PathBuf>,
    /// Open the window on this project file.
    #[arg(long, value_name = "PROJECT")]
    pub project: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
// Parsed once per process: the export's many options make its variant the largest, which
// costs nothing here.
#[allow(clippy::large_enum_variant)]
pub enum Command {
    /// Render a slide-ready PNG headless (no window or display needed): title, legend,
    /// scale bar, north arrow, sources, time stamp, classification banners.
    ///
    /// Without --project it exports the default project's start view.
    Export(export::ExportArgs),
    /// Make a project file (`project new`) or describe one (`project show`).
    #[command(subcommand)]
    Project(project::ProjectCommand),
    /// Events and fatalities per province or district from an incident CSV (ACLED, UCDP GED,
    /// GTD; schema from the header), and the share within N km of the AF–PK border.
    ///
    /// Prints {"rows_read","rows_kept","rows_dropped":[{"line","reason"}],
    /// "units":[{"id","name","country","events","fatalities"}],"within_border_km":{"km","share"}}.
    Density(density::DensityArgs),
    /// Find the places (gazetteer, with aliases) and armed groups (alias dictionary) a text
    /// names, with every mention's sentence and byte offsets.
    ///
    /// Prints {"places":[{id,name,kind,country,matched,mentions:[{sentence,start,end}],
    /// low_confidence}],"groups":[{id,name,matched,mentions}]}.
    Extract {
        /// A .txt or .md file.
        file: PathBuf,
        /// Print JSON; without it, one line per place or group.
        #[arg(long)]
        json: bool,
    },
    /// Resolve place names (countries, provinces, districts, towns) to gazetteer entries.
    ///
    /// Matching ignores case, diacritics, punctuation and spacing and knows common alternative
    /// spellings (Konar, Khowst, Chaghi, ...). Every exact or alias match is listed; when
    /// there is none, the closest spelling variants, prefixes and near misses (Miramshah →
    /// Miran Shah), best first, with a note on stderr. Unknown names give an empty list and
    /// a message on stderr; the exit code stays 0.
    Resolve {
        /// One or more names.
        #[arg(required = true)]
        names: Vec<String>,
        /// Print JSON (one array of {query, matches}); without it, a readable table.
        #[arg(long)]
        json: bool,
    },
    /// A coordinate in any form (decimal degrees, DMS, MGRS), printed in every form.
    ///
    /// Prints {"lat","lon","dms","mgrs","decimal","format"} with --json; MGRS to 1 m. A text
    /// that does not parse gets a message saying what is wrong and exit code 1.
    Coords(coords::CoordsArgs),
    /// Geodesic (WGS84) length and initial bearing of each leg through two or more points
    /// (coordinates or place names), and the total.
    ///
    /// Prints {"km","legs":[{"from","to","km","bearing_deg","label"}],"points":[{"input",
    /// "name","kind","id","lat","lon","mgrs"}]} with --json. A point that is neither a
    /// coordinate nor a known place gets a message and exit code 1.
    Distance(distance::DistanceArgs),
}

pub fn main() -> ExitCode {
    crate::map::tiles::init_logging();
    let cli = Cli::parse();
    let dir = cli.data.clone().unwrap_or_else(AtlasData::default_dir);
    // Every command but `coords` reads the data: a wrong directory is an error up front, not
    // empty answers with warnings. (The window opens anyway and lists what is missing.)
    if cli
        .command
        .as_ref()
        .is_some_and(|c| !matches!(c, Command::Coords(_)))
        && let Err(e) = load::check_data_dir(&dir)
    {
        eprintln!("frontier-atlas: {e}");
        return ExitCode::FAILURE;
    }
    match cli.command {
        None => match crate::app::run_window(
            AtlasData::load(&dir),
            dir.clone(),
            crate::app::Start {
                project: cli.project,
                import: cli.import,
            },
        ) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("frontier-atlas: cannot open the window: {e}");
                ExitCode::FAILURE
            }
        },
        Some(Command::Resolve { names, json }) => resolve::run(&dir, &names, json),
        Some(Command::Extract { file, json }) => extract::run(&dir, &file, json),
        Some(Command::Export(args)) => export::run(&dir, &args),
        Some(Command::Density(args)) => density::run(&dir, &args),
        Some(Command::Project(cmd)) => project::run(&dir, &cmd),
        Some(Command::Coords(args)) => coords::run(&args),
        Some(Command::Distance(args)) => distance::run(&dir, &args),
    }
}
