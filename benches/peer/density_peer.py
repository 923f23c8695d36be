#!/usr/bin/env python3
"""The pipeline an analyst would write instead of `frontier-atlas density`: events and
fatalities per district of Afghanistan and Pakistan, and the share of events within N km of
the AF-PK border, with pandas (pyarrow CSV engine), geopandas' spatial join and shapely 2
distances in an azimuthal equidistant projection centred on the border.

    python3 density_peer.py EVENTS.csv [--data DIR] [--border-km 50] > peer.json

Prints {"rows_kept", "units": [{"id", "name", "country", "events", "fatalities"}],
"events_outside_units", "within_border_km": {"km", "share"}} for point-precision rows, the
shape of `frontier-atlas density --json` for the same rows.
"""
import argparse
import json
import os

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

HERE = os.path.dirname(os.path.abspath(__file__))
AEQD = "+proj=aeqd +lat_0=31.5 +lon_0=68.5 +datum=WGS84 +units=m"


def border_line(data):
    lines = gpd.read_file(os.path.join(data, "basemap", "ne_10m_admin_0_boundary_lines_land.geojson"))
    pair = lines[((lines.adm0_a3_l == "AFG") & (lines.adm0_a3_r == "PAK"))
                 | ((lines.adm0_a3_l == "PAK") & (lines.adm0_a3_r == "AFG"))]
    return pair.to_crs(AEQD).geometry


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--data", default=os.path.join(HERE, "..", "..", "data"))
    ap.add_argument("--border-km", type=float, default=50.0)
    a = ap.parse_args()
    df = pd.read_csv(a.csv, engine="pyarrow",
                     usecols=["event_id_cnty", "latitude", "longitude", "fatalities"])
    df = df[df.latitude.between(-90, 90) & df.longitude.between(-180, 180)]
    pts = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(df.longitude, df.latitude), crs=4326)
    districts = gpd.read_file(os.path.join(a.data, "admin", "districts.geojson"))
    joined = gpd.sjoin(pts, districts[["id", "name", "country", "geometry"]],
                       how="left", predicate="within")
    joined = joined[~joined.index.duplicated(keep="first")]
    inside = joined[joined.id.notna()]
    units = (inside.groupby(["id", "name", "country"], sort=False)
             .agg(events=("event_id_cnty", "size"), fatalities=("fatalities", "sum"))
             .reset_index())
    # Distance to the nearest border segment: an STR-tree of the segments, one query.
    segs = shapely.get_parts(border_line(a.data).explode(index_parts=False).values)
    tree = shapely.STRtree(segs)
    proj = pts.to_crs(AEQD).geometry.values
    _, dist = tree.query_nearest(proj, return_distance=True, all_matches=False)
    share = float(np.mean(dist <= a.border_km * 1000.0)) if len(dist) else 0.0
    out = {
        "rows_kept": int(len(df)),
        "events_outside_units": int(len(joined) - len(inside)),
        "units": [{"id": r.id, "name": r.name, "country": r.country, "events": int(r.events),
                   "fatalities": int(r.fatalities)} for r in units.itertuples()],
        "within_border_km": {"km": a.border_km, "share": share},
    }
    print(json.dumps(out, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
