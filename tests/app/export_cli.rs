//! `frontier-atlas export` as a user runs it: no DISPLAY or WAYLAND_DISPLAY, exact sizes,
//! every named view of a project, and clear errors with a non-zero exit (never a panic).

use std::path::{Path, PathBuf};
use std::process::Command;

use atlas_core::project::{Project, SavedView, save_project};

fn cli_env(args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_frontier-atlas"));
    cmd.args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    (out.status.code().unwrap_or(-1), err)
}

fn cli(args: &[&str]) -> (i32, String) {
    cli_env(args, &[])
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("atlas-export-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("mkdir");
    d
}

fn dims(path: &Path) -> (u32, u32) {
    image::image_dimensions(path).expect("png")
}

#[test]
fn headless_export_runs_without_a_display() {
    let dir = scratch("headless");
    let out = dir.join("start.png");
    let out_s = out.to_string_lossy().into_owned();
    let (code, err) = cli(&[
        "export",
        "--out",
        &out_s,
        "--size",
        "480x270",
        "--title",
        "Test",
        "--banner",
        "UNCLASSIFIED",
        "--layers",
        "basemap,provinces,report_places",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(dims(&out), (480, 270));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_arguments_give_clear_errors() {
    let dir = scratch("errors");
    let out_s = dir.join("x.png").to_string_lossy().into_owned();
    let cases: &[(&[&str], &str)] = &[
        (&["--size", "0x10"], "bad size"),
        (&["--size", "huge"], "1080p, 4k, 720p, a4-300dpi"),
        (&["--layers", "basemap,nonsense"], "valid layers: basemap,"),
        (&["--banner-preset", "secret"], "--banner <BANNER>"),
        (&["--center", "200,30"], "bad --center"),
        (&["--zoom", "40"], "bad --zoom"),
        (
            &["--banner", "X", "--banner-preset", "pink"],
            "unknown --banner-preset",
        ),
    ];
    for (extra, expected) in cases {
        let mut args = vec!["export", "--out", &out_s];
        args.extend_from_slice(extra);
        let (code, err) = cli(&args);
        assert_ne!(code, 0, "{extra:?}");
        assert!(err.contains(expected), "{extra:?}: {err}");
    }
    assert!(!dir.join("x.png").exists());

    let (code, err) = cli(&[
        "export",
        "--out",
        "/nonexistent/dir/x.png",
        "--size",
        "64x64",
    ]);
    assert_ne!(code, 0);
    assert!(err.contains("does not exist"), "{err}");

    let project = dir.join("p.json");
    save_project(&Project::default(), &project).expect("save");
    let p = project.to_string_lossy().into_owned();
    let (code, err) = cli(&[
        "export",
        "--out",
        &out_s,
        "--project",
        &p,
        "--view",
        "Nowhere",
    ]);
    assert_ne!(code, 0);
    assert!(err.contains("unknown view \"Nowhere\""), "{err}");

    std::fs::write(&project, "{\n\"version\": 1,\n").expect("write");
    let (code, err) = cli(&["export", "--out", &out_s, "--project", &p]);
    assert_ne!(code, 0);
    assert!(err.contains("p.json: not valid JSON at line 3"), "{err}");
    for (out, expected) in [
        ("x.jpg", "use a .png file name (got .jpg)"),
        ("x", "(got no extension)"),
    ] {
        let o = dir.join(out).to_string_lossy().into_owned();
        let (code, err) = cli(&["export", "--out", &o, "--size", "64x64"]);
        assert_ne!(code, 0);
        assert!(err.contains(expected), "{err}");
        assert!(!dir.join(out).exists());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn all_views_writes_one_file_per_view() {
    let dir = scratch("views");
    let project = Project {
        views: vec![
            SavedView {
                title: Some("South-east".into()),
                layers: Some(vec!["basemap".into(), "districts".into()]),
                ..SavedView::new("Khost / Paktika", [69.9, 33.0], 7.5)
            },
            SavedView::new("Balochistan", [65.5, 28.5], 6.5),
            SavedView::new("کابل", [69.2, 34.5], 8.0),
        ],
        ..Default::default()
    };
    let path = dir.join("briefing.json");
    save_project(&project, &path).expect("save");
    let (code, err) = cli(&[
        "export",
        "--project",
        &path.to_string_lossy(),
        "--all-views",
        "--out-dir",
        &dir.to_string_lossy(),
        "--size",
        "320x200",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(dims(&dir.join("Khost - Paktika.png")), (320, 200));
    assert_eq!(dims(&dir.join("Balochistan.png")), (320, 200));
    assert_eq!(dims(&dir.join("کابل.png")), (320, 200));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn no_graphics_adapter_is_an_error_not_a_panic() {
    let dir = scratch("noadapter");
    let out = dir.join("x.png");
    // Vulkan only, and a loader that finds no driver.
    let (code, err) = cli_env(
        &["export", "--out", &out.to_string_lossy(), "--size", "64x64"],
        &[
            ("WGPU_BACKEND", "vulkan"),
            ("VK_ICD_FILENAMES", "/nonexistent/icd.json"),
            ("VK_DRIVER_FILES", "/nonexistent/icd.json"),
        ],
    );
    assert_ne!(code, 0);
    assert!(err.contains("no graphics adapter"), "{err}");
    assert!(!out.exists());
    let _ = std::fs::remove_dir_all(&dir);
}
