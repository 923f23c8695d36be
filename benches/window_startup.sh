#!/bin/bash
# Window start-up, whole process: time to the first frame with the map, time until every tile
# and dataset of the start view is in, resident and peak memory after 8 s, under Xvfb (no GPU needed:
# lavapipe). Needs Debian's xvfb. usage: benches/window_startup.sh [RUNS] [ENV=VALUE ...]
# e.g. benches/window_startup.sh 3 WGPU_BACKEND=gl
set -u
runs=${1:-3}; shift || true
bin=${BIN:-target/release/frontier-atlas}
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
for _ in $(seq "$runs"); do
  Xvfb :77 -screen 0 1600x1000x24 >/dev/null 2>&1 & xpid=$!
  sleep 1
  err=$(mktemp)
  env DISPLAY=:77 FRONTIER_ATLAS_STARTUP=1 "$@" "$bin" >/dev/null 2>"$err" & apid=$!
  sleep 8
  grep -E "VmHWM|VmRSS" /proc/$apid/status | tr -s "\t\n" "  "; echo
  kill $apid; sleep 0.5; kill $xpid
  grep startup "$err"; rm -f "$err"
done
