//! Commands whose reader goes away (`| head`, a closed pipe) end quietly with exit code 0,
//! never with a panic.

use std::process::{Command, Stdio};

/// Run the binary with its stdout a pipe whose read end is closed at once, so that every
/// write fails with a broken pipe; output is made far larger than a pipe's buffer.
fn run_with_closed_stdout(args: &[&str]) -> (std::process::ExitStatus, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_frontier-atlas"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    (
        out.status,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn resolve_into_a_closed_pipe_exits_quietly() {
    let names: Vec<&str> = ["Kabul", "Peshawar", "Quetta", "Khost", "Miramshah"]
        .into_iter()
        .cycle()
        .take(1500)
        .collect();
    for json in [true, false] {
        let mut args = vec!["resolve"];
        if json {
            args.push("--json");
        }
        args.extend(&names);
        let (status, err) = run_with_closed_stdout(&args);
        assert!(!err.contains("panicked"), "{err}");
        assert!(status.success(), "json {json}: {status:?} {err}");
    }
}

#[test]
fn extract_json_into_a_closed_pipe_exits_quietly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("report.txt");
    let sentence = "Fighters moved from Kabul to Peshawar and Quetta near Khost. ";
    std::fs::write(&file, sentence.repeat(2000)).expect("write");
    let (status, err) = run_with_closed_stdout(&["extract", "--json", &file.to_string_lossy()]);
    assert!(!err.contains("panicked"), "{err}");
    assert!(status.success(), "{status:?} {err}");
}
