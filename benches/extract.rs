//! Placeholder, replaced by the benchmark owner.
fn main() {}
