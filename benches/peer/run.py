#!/usr/bin/env python3
"""Whole-process benchmark, side by side: `frontier-atlas density --by district --json` against
the geopandas pipeline (density_peer.py) on the same seeded ACLED-shaped CSV. Reports each
one's median wall time and peak RSS over the runs, the ratio, and whether the results agree
(per-district events and fatalities; border share as events).

    python3 benches/peer/run.py [--rows 1000000] [--runs 3] [--bin target/release/frontier-atlas]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


def measure(cmd, out_path):
    """Wall seconds and peak RSS (MiB) of one run of `cmd`, its stdout written to `out_path`."""
    with open(out_path, "wb") as out:
        t = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
    if status != 0:
        sys.exit(f"{' '.join(cmd)} failed ({status})")
    return wall, usage.ru_maxrss / 1024.0


def bench(name, cmd, out_path, runs):
    walls, rss = [], []
    for _ in range(runs):
        w, r = measure(cmd, out_path)
        walls.append(w)
        rss.append(r)
    med = statistics.median(walls)
    print(f"{name:>14}: median {med:.2f} s over {runs} runs ({', '.join(f'{w:.2f}' for w in walls)}), peak RSS {max(rss):.0f} MiB")
    return med, max(rss)


def compare(ours_path, peer_path):
    ours = json.load(open(ours_path))
    peer = json.load(open(peer_path))
    # Our "not assigned to a district" rows hold imprecise events; the benchmark file has none.
    a = {u["id"]: (u["events"], u["fatalities"]) for u in ours["units"] if "#" not in u["id"]}
    b = {u["id"]: (u["events"], u["fatalities"]) for u in peer["units"]}
    differ = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
    n = ours["rows_kept"]
    shares = ours["within_border_km"]["share"], peer["within_border_km"]["share"]
    print(f"units: {len(a)} ours, {len(b)} peer, {len(differ)} differ {differ[:5]}")
    print(f"border share: ours {shares[0]:.6f}, peer {shares[1]:.6f} "
          f"({abs(shares[0] - shares[1]) * n:.0f} of {n} events apart)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "frontier-atlas"))
    ap.add_argument("--csv", default=None)
    ap.add_argument("--python", default=sys.executable)
    a = ap.parse_args()
    csv = a.csv or f"/tmp/frontier-atlas-acled-{a.rows}.csv"
    if not os.path.exists(csv):
        with open(csv, "w") as f:
            subprocess.run([sys.executable, os.path.join(HERE, "gen_acled.py"), str(a.rows)],
                           stdout=f, check=True)
    if not os.path.exists(a.bin):
        subprocess.run(["cargo", "build", "--release", "--locked"], cwd=ROOT, check=True)
    ours = bench("frontier-atlas", [a.bin, "density", "--input", csv, "--by", "district", "--json"],
                 "/tmp/frontier-atlas-density.json", a.runs)
    peer = bench("geopandas", [a.python, os.path.join(HERE, "density_peer.py"), csv],
                 "/tmp/frontier-atlas-peer.json", a.runs)
    print(f"ratio: {ours[0] / peer[0]:.2f}x the geopandas pipeline's wall time, "
          f"{ours[1] / peer[1]:.2f}x its peak RSS")
    compare("/tmp/frontier-atlas-density.json", "/tmp/frontier-atlas-peer.json")


if __name__ == "__main__":
    main()
