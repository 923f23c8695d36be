//! `frontier-atlas`: opens the map window, or runs a command (see `--help`).

fn main() -> std::process::ExitCode {
    frontier_atlas::cli::main()
}
