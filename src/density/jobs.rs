//! Background work: importing (or loading the demo) and preparing a dataset, and running the
//! analysis for one set of settings, each on a [`Job`] thread. Progress and cancellation are
//! shared atomics, so the UI thread never waits.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

use atlas_core::incidents::{
    ColumnMapping, CsvFormat, ImportProgress, ImportReport, Imported, IncidentStore, Schema,
    import_csv_file, import_geojson_file, synthetic_demo_2024,
};

use super::analysis::{Analysis, analyse};
use super::dataset::{DEMO_NAME, Dataset, Origin};
use super::heat::Heat;
use super::levels::Levels;
use super::params::DensityParams;
use super::worker::Job;
use crate::scene::AtlasData;

/// The demo file under the data directory.
pub const DEMO_FILE: &str = "incidents/synthetic-demo-2024.csv";

/// How to read a file.
#[derive(Debug, Clone)]
pub enum ImportFormat {
    Csv(CsvFormat),
    /// GeoJSON points; the mapping names the properties.
    GeoJson(Box<ColumnMapping>),
}

/// `.geojson` or `.json` (any case).
pub fn is_geojson(path: &Path) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    ext.eq_ignore_ascii_case("geojson") || ext.eq_ignore_ascii_case("json")
}

/// What to load.
#[derive(Debug, Clone)]
pub enum Source {
    /// The bundled synthetic demo (from the data directory, else generated: same rows).
    Demo {
        data_dir: PathBuf,
    },
    File {
        path: PathBuf,
        format: ImportFormat,
    },
}

/// Stages of an import, for the progress display.
pub const STAGE_READING: u8 = 0;
pub const STAGE_PLACING: u8 = 1;

/// A finished load.
pub struct Loaded {
    pub dataset: Arc<Dataset>,
    pub levels: Arc<Levels>,
}

/// Read `source` into a store (no preparation).
pub fn read_source(
    source: &Source,
    progress: &ImportProgress,
) -> Result<(Origin, IncidentStore), String> {
    let (name, path, imported) = match source {
        Source::Demo { data_dir } => {
            let path = data_dir.join(DEMO_FILE);
            let imported = if path.is_file() {
                import_csv_file(&path, &CsvFormat::Acled, progress.callback())
                    .map_err(|e| e.to_diagnostic(&path).to_string())?
            } else {
                // The same rows as the bundled file (a core test keeps them identical).
                let store: IncidentStore = synthetic_demo_2024().iter().map(|r| r.view()).collect();
                let n = store.len();
                let report = ImportReport {
                    rows_read: n,
                    rows_kept: n,
                    rows_dropped: Vec::new(),
                };
                Imported {
                    schema: Schema::Acled,
                    incidents: store,
                    report,
                }
            };
            let path = path.is_file().then_some(path);
            (DEMO_NAME.to_string(), path, imported)
        }
        Source::File { path, format } => {
            let imported = match format {
                ImportFormat::Csv(f) => import_csv_file(path, f, progress.callback()),
                ImportFormat::GeoJson(m) => import_geojson_file(path, m, progress.callback()),
            }
            .map_err(|e| e.to_diagnostic(path).to_string())?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string());
            (name, Some(path.clone()), imported)
        }
    };
    let origin = Origin {
        name,
        path,
        schema: imported.schema,
        report: imported.report,
    };
    Ok((origin, imported.incidents))
}

/// A running import.
pub struct ImportJob {
    pub progress: Arc<ImportProgress>,
    pub stage: Arc<AtomicU8>,
    /// Loading the demo (not a user import).
    pub demo: bool,
    /// What is being loaded.
    pub source: Source,
    job: Job<Result<Loaded, String>>,
}

impl ImportJob {
    /// Start loading `source`. `levels` are built on the worker (from `atlas` and the
    /// basemap under `data_dir`) when not given.
    pub fn start(
        ctx: Option<egui::Context>,
        source: Source,
        atlas: Arc<AtlasData>,
        data_dir: PathBuf,
        levels: Option<Arc<Levels>>,
    ) -> Self {
        let progress = Arc::new(ImportProgress::default());
        let stage = Arc::new(AtomicU8::new(STAGE_READING));
        let (p, s, src) = (progress.clone(), stage.clone(), source.clone());
        let job = Job::spawn(ctx, move || {
            let (origin, store) = read_source(&src, &p)?;
            s.store(STAGE_PLACING, Ordering::Relaxed);
            let levels = levels.unwrap_or_else(|| {
                Arc::new(Levels::new(&atlas.gazetteer, &data_dir.join("basemap")))
            });
            let dataset = Arc::new(Dataset::new(origin, store, &atlas.gazetteer, &levels));
            Ok(Loaded { dataset, levels })
        });
        ImportJob {
            progress,
            stage,
            demo: matches!(source, Source::Demo { .. }),
            source,
            job,
        }
    }

    /// The result, once the worker is done.
    pub fn poll(&self) -> Option<Result<Loaded, String>> {
        self.job
            .check()
            .map(|r| r.unwrap_or_else(|()| Err("the import worker stopped".into())))
    }

    pub fn cancel(&self) {
        self.progress.cancel.store(true, Ordering::Relaxed);
    }
}

/// A running analysis.
pub struct AnalysisJob {
    pub params: DensityParams,
    cancel: Arc<AtomicBool>,
    job: Job<Option<Analysis>>,
}

impl AnalysisJob {
    pub fn start(
        ctx: Option<egui::Context>,
        dataset: Arc<Dataset>,
        params: DensityParams,
        previous: Option<Arc<Heat>>,
    ) -> Self {
        let cancel = Arc::new(AtomicBool::new(false));
        let (c, p) = (cancel.clone(), params.clone());
        let job = Job::spawn(ctx, move || analyse(&dataset, &p, previous, &c));
        AnalysisJob {
            params,
            cancel,
            job,
        }
    }

    /// `Some(result)` once done (`Some(None)`: cancelled or the worker died).
    pub fn poll(&self) -> Option<Option<Analysis>> {
        self.job.check().map(|r| r.unwrap_or(None))
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_without_its_file_is_generated_with_the_same_rows() {
        let source = Source::Demo {
            data_dir: PathBuf::from("/nonexistent"),
        };
        let (origin, store) = read_source(&source, &ImportProgress::default()).expect("demo");
        assert_eq!(origin.name, DEMO_NAME);
        assert_eq!(origin.path, None);
        assert_eq!(store.len(), 600);
        assert_eq!(store.get(0).map(|v| v.id), Some("SYN2024-0001"));
    }

    #[test]
    fn a_missing_file_fails_with_its_name() {
        let source = Source::File {
            path: PathBuf::from("/nonexistent/events.csv"),
            format: ImportFormat::Csv(CsvFormat::Auto),
        };
        let err = read_source(&source, &ImportProgress::default()).expect_err("missing");
        assert!(err.contains("/nonexistent/events.csv"), "{err}");
    }
}
