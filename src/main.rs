//! `frontier-atlas`: opens the map window, or runs a command (see `--help`).

fn main() -> std::process::ExitCode {
    frontier_atlas::app::startup::mark_process_start();
    frontier_atlas::cli::main()
}
