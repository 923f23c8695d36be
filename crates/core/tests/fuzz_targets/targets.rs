//! The fuzz targets: one per loader, each taking arbitrary bytes to Ok or a clear Err.

use std::path::Path;
use std::sync::OnceLock;

use atlas_core::data::{bundled_data_dir, load_gazetteer, read_admin_file, read_towns_file};
use atlas_core::incidents::CsvFormat;
use atlas_core::model::Gazetteer;
use atlas_core::project::{SourceKind, parse_project, resolve_file, validate_project};
use atlas_core::report::{
    Extractor, GroupDictionary, Network, paragraphs, parse_findings, read_camp_points,
    resolve_findings, split_sentences,
};
use atlas_core::tiles::open_tile_file;
use atlas_core::tiles::pmtiles::Header;

use super::Ctx;
use super::incidents::{csv, csv_seeds, generic_mapping, geojson_points};
use super::seeds::{self, data, fixture, head_lines};

/// One loader under fuzzing.
pub struct Target {
    pub name: &'static str,
    /// The real files it reads, as starting points for mutation.
    pub seeds: fn() -> Vec<Vec<u8>>,
    /// Feed one input to the loader; a panic is a finding.
    pub run: fn(&mut Ctx, &[u8]),
    /// Executions in the short CI run (debug build).
    pub ci_execs: u64,
}

/// Text loaders read files with `read_to_string`; invalid UTF-8 is replaced so the rest of
/// the input still reaches the parser.
fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The bundled gazetteer and groups, loaded once (for extraction and finding resolution).
fn bundled() -> &'static (Gazetteer, GroupDictionary, Extractor) {
    static B: OnceLock<(Gazetteer, GroupDictionary, Extractor)> = OnceLock::new();
    B.get_or_init(|| {
        let dir = bundled_data_dir();
        let (g, _) = load_gazetteer(&dir);
        let (groups, _) = GroupDictionary::load(&dir.join("report/groups.json"));
        let ex = Extractor::new(&g, &groups);
        (g, groups, ex)
    })
}

fn report_text(_: &mut Ctx, b: &[u8]) {
    let t = text(b);
    let (_, _, ex) = bundled();
    let e = ex.extract(&t);
    for m in e.places.iter().flat_map(|p| &p.mentions) {
        let _ = e.sentence_text(&t, m);
    }
    let _ = split_sentences(&t);
    let _ = paragraphs(&t);
}

fn project(ctx: &mut Ctx, b: &[u8]) {
    let Ok(p) = parse_project(&text(b), &ctx.dir.join("p.json"), Some(&ctx.dir)) else {
        return;
    };
    let _ = validate_project(&p);
    for s in &p.sources {
        let _ = s.display_name();
        if let SourceKind::Incidents { format, .. } = &s.kind {
            let _ = format.csv_format();
            let _ = format.geojson_mapping();
        }
        if let Some(f) = s.file() {
            let _ = resolve_file(f, &ctx.dir);
        }
    }
    for l in &p.layers {
        let _ = p.layer_label(l);
        let _ = l.filter.to_incident_filter();
    }
    for v in &p.views {
        let _ = p.layers_for_view(v);
    }
    let again = serde_json::to_string(&p).expect("a parsed project serialises");
    let _ = parse_project(&again, &ctx.dir.join("p.json"), Some(&ctx.dir));
}

fn camps_csv(ctx: &mut Ctx, b: &[u8]) {
    let _ = read_camp_points(&ctx.write("camps.csv", b));
}

fn camps_geojson(ctx: &mut Ctx, b: &[u8]) {
    let _ = read_camp_points(&ctx.write("camps.geojson", b));
}

fn admin(ctx: &mut Ctx, b: &[u8]) {
    let units = read_admin_file(&ctx.write("admin.geojson", b), &mut Vec::new());
    let g = Gazetteer::new(units, Vec::new());
    for u in &g.units {
        let _ = g.unit_at(u.kind, u.label[0], u.label[1]);
        let _ = g.resolve(&u.name);
    }
}

fn towns(ctx: &mut Ctx, b: &[u8]) {
    let towns = read_towns_file(&ctx.write("towns.csv", b), &mut Vec::new());
    let g = Gazetteer::new(Vec::new(), towns);
    for t in &g.towns {
        let _ = g.resolve(&t.name);
    }
}

fn groups(_: &mut Ctx, b: &[u8]) {
    let (g, _) = GroupDictionary::from_json(&text(b), Path::new("groups.json"));
    for group in &g.groups {
        for (name, _) in group.match_names() {
            let _ = g.find_by_name(name);
        }
    }
}

fn findings(_: &mut Ctx, b: &[u8]) {
    let (gaz, groups, _) = bundled();
    let json = text(b);
    let path = Path::new("findings.json");
    static REPORT: OnceLock<String> = OnceLock::new();
    let report = REPORT.get_or_init(|| text(&data("report/source-report.txt")));
    let (ff, _) = parse_findings(&json, path, report, groups);
    if let Some(ff) = ff {
        let _ = resolve_findings(&ff.findings, gaz, &json, path);
        let _ = Network::from_findings(&ff.findings, groups);
    }
}

fn pmtiles_header(_: &mut Ctx, b: &[u8]) {
    if let Ok(h) = Header::parse(b, b.len() as u64) {
        let _ = h.known_bounds();
    }
}

/// Open a tile file and read a few tiles, including ones outside its zoom range.
fn tile_file(ctx: &mut Ctx, name: &str, b: &[u8]) {
    let Ok(mut r) = open_tile_file(&ctx.write(name, b)) else {
        return;
    };
    let info = r.info().clone();
    let _ = info.credit(r.path());
    for (z, x, y) in [
        (0, 0, 0),
        (1, 1, 0),
        (2, 2, 1),
        (4, 3, 7),
        (info.max_zoom, 0, 0),
    ] {
        let _ = r.tile(z, x, y);
    }
    let _ = r.tile(31, u32::MAX, u32::MAX);
}

fn pmtiles_file(ctx: &mut Ctx, b: &[u8]) {
    tile_file(ctx, "t.pmtiles", b);
}

fn mbtiles_file(ctx: &mut Ctx, b: &[u8]) {
    tile_file(ctx, "t.mbtiles", b);
}

fn basemap_seeds() -> Vec<Vec<u8>> {
    atlas_core::basemap::BASEMAP_FILES
        .iter()
        .filter(|f| f.ends_with(".geojson"))
        .map(|f| seeds::smallest_features(&format!("basemap/{f}"), 3))
        .chain([data("basemap/world_country_labels.json")])
        .collect()
}

/// A basemap directory holding the input under one file name, chosen by the input's length;
/// the other files are missing (reported, not fatal).
fn basemap(ctx: &mut Ctx, b: &[u8]) {
    let files = atlas_core::basemap::BASEMAP_FILES;
    let dir = ctx.dir.join("basemap");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("basemap scratch dir");
    let name = files[b.len() % files.len()];
    std::fs::write(dir.join(name), b).expect("write basemap input");
    let (d, _) = atlas_core::basemap::BasemapData::load(&dir);
    let _ = d.extent_lonlat();
    let _ = atlas_core::basemap::country_labels(d.country_names(), [60.0, 25.0, 80.0, 40.0], 5.0);
}

fn border(ctx: &mut Ctx, b: &[u8]) {
    let _ = atlas_core::analysis::af_pk_border_from_file(&ctx.write("borders.geojson", b));
}

/// Every target, in the order the long run takes them with `all`.
pub const TARGETS: &[Target] = &[
    Target {
        name: "csv_auto",
        seeds: csv_seeds,
        run: |_, b| csv(b, &CsvFormat::Auto),
        ci_execs: 3000,
    },
    Target {
        name: "csv_acled",
        seeds: csv_seeds,
        run: |_, b| csv(b, &CsvFormat::Acled),
        ci_execs: 2000,
    },
    Target {
        name: "csv_ucdp",
        seeds: csv_seeds,
        run: |_, b| csv(b, &CsvFormat::UcdpGed),
        ci_execs: 2000,
    },
    Target {
        name: "csv_gtd",
        seeds: csv_seeds,
        run: |_, b| csv(b, &CsvFormat::Gtd),
        ci_execs: 2000,
    },
    Target {
        name: "csv_generic",
        seeds: || vec![fixture("incidents/generic_small.csv")],
        run: |_, b| csv(b, &CsvFormat::Generic(Box::new(generic_mapping()))),
        ci_execs: 2000,
    },
    Target {
        name: "geojson_points",
        seeds: || vec![fixture("incidents/points.geojson")],
        run: geojson_points,
        ci_execs: 2000,
    },
    Target {
        name: "report_text",
        seeds: || {
            let mut s: Vec<_> = [
                "balochistan_coast",
                "eastern_afghanistan",
                "no_places",
                "tribal_districts",
            ]
            .iter()
            .map(|n| fixture(&format!("texts/{n}.txt")))
            .collect();
            s.push(head_lines(&data("report/source-report.txt"), 6));
            s
        },
        run: report_text,
        ci_execs: 2000,
    },
    Target {
        name: "project",
        seeds: || vec![seeds::example("weekly-brief.json")],
        run: project,
        ci_execs: 2000,
    },
    Target {
        name: "camps_csv",
        seeds: || vec![fixture("camps/camps.csv")],
        run: camps_csv,
        ci_execs: 2000,
    },
    Target {
        name: "camps_geojson",
        seeds: || vec![fixture("camps/camps.geojson")],
        run: camps_geojson,
        ci_execs: 2000,
    },
    Target {
        name: "admin_geojson",
        seeds: || {
            ["countries", "provinces", "districts"]
                .iter()
                .map(|n| seeds::smallest_features(&format!("admin/{n}.geojson"), 2))
                .collect()
        },
        run: admin,
        ci_execs: 1000,
    },
    Target {
        name: "towns_csv",
        seeds: || vec![head_lines(&data("gazetteer/towns.csv"), 40)],
        run: towns,
        ci_execs: 2000,
    },
    Target {
        name: "groups_json",
        seeds: || vec![data("report/groups.json")],
        run: groups,
        ci_execs: 2000,
    },
    Target {
        name: "findings_json",
        seeds: || {
            vec![seeds::first_entries(
                &data("report/findings.json"),
                "findings",
                4,
            )]
        },
        run: findings,
        ci_execs: 1000,
    },
    Target {
        name: "pmtiles_header",
        seeds: || {
            vec![seeds::pmtiles(3), seeds::pmtiles(40)]
                .into_iter()
                .map(|mut b| {
                    b.truncate(127);
                    b
                })
                .collect()
        },
        run: pmtiles_header,
        ci_execs: 3000,
    },
    Target {
        name: "pmtiles_file",
        seeds: || vec![seeds::pmtiles(3), seeds::pmtiles(40)],
        run: pmtiles_file,
        ci_execs: 2000,
    },
    Target {
        name: "mbtiles_file",
        seeds: || vec![seeds::mbtiles()],
        run: mbtiles_file,
        ci_execs: 1000,
    },
    Target {
        name: "basemap",
        seeds: basemap_seeds,
        run: basemap,
        ci_execs: 1000,
    },
    Target {
        name: "border_lines",
        seeds: || {
            vec![seeds::smallest_features(
                "basemap/ne_10m_admin_0_boundary_lines_land.geojson",
                4,
            )]
        },
        run: border,
        ci_execs: 1000,
    },
];
