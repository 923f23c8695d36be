//! Frontier Atlas: an offline desktop map of a security report on Afghanistan and Pakistan.
//!
//! Data flows one way: the project (`atlas_core::project`, pure) → the `session` (its sources
//! loaded, analyses, workers) → `map` (one walkers plugin per layer kind) → the window (`app`,
//! `ui`) or an image (`export`). `scene` holds the prepared reference data; `cli` the commands.

pub mod app;
pub mod cli;
pub mod density;
pub mod export;
pub mod map;
pub mod scene;
pub mod session;
pub mod state;
pub mod ui;
