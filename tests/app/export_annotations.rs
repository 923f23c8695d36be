//! Annotations in exports: a project's annotation layer is drawn by the exporter (and the
//! CLI's `export --project`) through the map's own layer, with its text placed first; a
//! hidden annotation layer draws nothing; the window's selection marks never reach a slide.

use atlas_core::project::{
    Annotation, AnnotationStyle, Edit, History, LayerKind, Project, Rgb, Shape, save_project,
};
use frontier_atlas::export::{ExportJob, ExportSettings, Exporter};

use crate::common::{bare_scene, run_cli};

/// A colour nothing else on the map uses.
const GREEN: [u8; 3] = [0, 200, 0];

fn settings() -> ExportSettings {
    ExportSettings {
        size: [640, 360],
        timestamp: Some("2026-01-01 00:00 UTC".into()),
        ..Default::default()
    }
}

/// The default project with a thick green rectangle and a green text around the centre.
fn annotated() -> Project {
    let mut p = Project::default();
    let [lon, lat] = settings().center;
    let style = AnnotationStyle {
        color: Rgb(GREEN),
        text_size: 20.0,
        line_width: 12.0,
    };
    let mut h = History::default();
    for (id, shape) in [
        (
            1,
            Shape::Rect {
                corners: [[lon - 2.0, lat - 1.5], [lon + 2.0, lat + 1.5]],
            },
        ),
        (
            2,
            Shape::Text {
                at: [lon, lat + 3.0],
                text: "Training centres".into(),
            },
        ),
    ] {
        let a = Annotation { id, shape, style };
        assert!(h.apply(&mut p, Edit::AddAnnotation(a)));
    }
    p
}

/// Pixels within 40 of `GREEN` in every channel.
fn green_pixels(img: &image::RgbaImage) -> usize {
    img.pixels()
        .filter(|p| (0..3).all(|i| p.0[i].abs_diff(GREEN[i]) <= 40))
        .count()
}

fn render(project: &Project) -> image::RgbaImage {
    let mut ex = Exporter::new().expect("graphics adapter (install mesa-vulkan-drivers)");
    let job = ExportJob {
        project: project.clone(),
        layers: project.layers.clone(),
        scene: bare_scene(),
        settings: settings(),
    };
    ex.render(&job).expect("render").image
}

#[test]
fn the_exporter_draws_a_projects_annotations() {
    let plain = green_pixels(&render(&Project::default()));
    let p = annotated();
    let drawn = green_pixels(&render(&p));
    assert_eq!(plain, 0, "nothing green without annotations");
    // At 640×360 (text scale 0.42) the outline alone is ~330 px long and 5 px wide.
    assert!(drawn > 1200, "{drawn} green pixels");
    let mut hidden = p.clone();
    hidden
        .layers
        .iter_mut()
        .filter(|l| l.kind == LayerKind::Annotations)
        .for_each(|l| l.style.visible = false);
    assert_eq!(
        green_pixels(&render(&hidden)),
        0,
        "a hidden layer draws nothing"
    );
}

#[test]
fn export_of_a_saved_project_shows_its_annotations() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("annotated.atlas.json");
    save_project(&annotated(), &file).expect("save");
    let out = dir.path().join("slide.png");
    let (code, _, err) = run_cli(&[
        "export",
        "--project",
        file.to_str().expect("utf-8"),
        "--size",
        "1280x720",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(code, 0, "{err}");
    let img = image::open(&out).expect("png").to_rgba8();
    assert!(
        green_pixels(&img) > 1200,
        "{} green pixels",
        green_pixels(&img)
    );
}
