//! Writing command output to standard output: a closed pipe (`| head`) ends the command
//! quietly instead of panicking.

use std::io::Write;

/// Write `bytes` to stdout; a closed pipe is not an error (the reader has what it wanted).
pub fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
    }
}
