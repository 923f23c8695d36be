//! Writing command output to standard output: a closed pipe (`| head`) ends the command
//! quietly instead of panicking.

use std::io::Write;

/// Write `text` (with a final newline unless it is empty) to stdout, as [`write_stdout`]; another write error is reported
/// on stderr under `command`'s name and fails the command.
pub fn print_out(command: &str, text: &str) -> std::process::ExitCode {
    let mut bytes = Vec::with_capacity(text.len() + 1);
    bytes.extend_from_slice(text.as_bytes());
    if !text.is_empty() && !text.ends_with('\n') {
        bytes.push(b'\n');
    }
    match write_stdout(&bytes) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{command}: standard output: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// `value` as pretty JSON on stdout, as [`print_out`], written as it is serialised (a large
/// result is never held as one string).
pub fn print_json(command: &str, value: &impl serde::Serialize) -> std::process::ExitCode {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = serde_json::to_writer_pretty(&mut out, value)
        .map_err(std::io::Error::from)
        .and_then(|()| out.write_all(b"\n"))
        .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("{command}: standard output: {e}");
            std::process::ExitCode::FAILURE
        }
        _ => std::process::ExitCode::SUCCESS,
    }
}

/// Write `bytes` to stdout; a closed pipe is not an error (the reader has what it wanted).
pub fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
    }
}
