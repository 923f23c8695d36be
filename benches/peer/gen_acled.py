#!/usr/bin/env python3
"""A seeded, synthetic ACLED-shaped CSV for benchmarks: N events, ACLED's 31 export columns,
points uniform over Afghanistan and Pakistan's box (lon 60.5-77.9, lat 23.6-38.5), dates in
2024, point precision. SYNTHETIC: not real events.

    python3 gen_acled.py 1000000 > /tmp/acled_1m.csv
"""
import csv
import datetime
import random
import sys

HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,"
          "sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,"
          "civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,"
          "longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp").split(",")
ACTORS = ["TTP", "BLA", "IS-K", "Afghan Taliban", "Majeed Brigade", "Unidentified armed group"]
TYPES = [("Explosions/Remote violence", "Remote explosive/landmine/IED"),
         ("Battles", "Armed clash"), ("Violence against civilians", "Attack")]


def main(n, seed=2024):
    rng = random.Random(seed)
    day0 = datetime.date(2024, 1, 1)
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(HEADER)
    for i in range(n):
        lon = round(rng.uniform(60.5, 77.9), 5)
        lat = round(rng.uniform(23.6, 38.5), 5)
        d = day0 + datetime.timedelta(days=rng.randrange(366))
        et, st = TYPES[rng.randrange(len(TYPES))]
        w.writerow([f"SYN{i}", d.isoformat(), 2024, 1, "Political violence", et, st,
                    ACTORS[rng.randrange(len(ACTORS))], "", 2, "", "", 1, 12, "", 586,
                    "Southern Asia", "Pakistan", "", "", "", "", lat, lon, 1, "Synthetic",
                    "National", "synthetic benchmark row", rng.randrange(6), "", 0])


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 2024)
