//! Frontier Atlas: an offline desktop map of a security report on Afghanistan and Pakistan.
//!
//! Layers: `scene` (prepared, projected data, no egui), `map` (walkers layers and plugins that
//! paint it), `ui` (panels), `export` (offscreen rendering), `cli` (command line).

pub mod app;
pub mod cli;
pub mod density;

pub mod export;

pub mod map;
pub mod scene;
pub mod state;
pub mod ui;
