//! Reading TopoJSON topologies for the world layers: decoded arcs, polygon objects, and the
//! arcs two countries share (their land borders).

use std::collections::BTreeMap;
use std::path::Path;

use geo::orient::{Direction, Orient};
use geo::{Coord, LineString, MultiPolygon, Polygon};
use geojson::JsonObject;
use topojson::{Geometry, Topology, Value};

/// A border arc with the names of the two countries on either side (alphabetical).
pub type SharedArc = (LineString<f64>, [String; 2]);

/// A topology with its arcs decoded to lon/lat.
pub struct Topo {
    topology: Topology,
    arcs: Vec<Vec<Coord<f64>>>,
}

/// One polygon geometry of a TopoJSON object: its id, properties and shape.
pub struct TopoFeature {
    pub id: Option<String>,
    pub props: JsonObject,
    pub geometry: MultiPolygon<f64>,
}

impl Topo {
    pub fn read(path: &Path) -> Result<Self, String> {
        let err = |e: String| format!("{}: {e}", path.display());
        let text = std::fs::read_to_string(path).map_err(|e| err(e.to_string()))?;
        let topology = match text.parse::<topojson::TopoJson>() {
            Ok(topojson::TopoJson::Topology(t)) => t,
            Ok(_) => return Err(err("not a TopoJSON Topology".into())),
            Err(e) => return Err(err(e.to_string())),
        };
        let arcs = topology
            .arcs
            .iter()
            .map(|a| decode_arc(a, &topology))
            .collect();
        Ok(Self { topology, arcs })
    }

    fn object(&self, name: &str) -> Result<&[Geometry], String> {
        let obj = self
            .topology
            .objects
            .iter()
            .find(|o| o.name == name)
            .ok_or_else(|| format!("no object `{name}`"))?;
        match &obj.geometry.value {
            Value::GeometryCollection(g) => Ok(g),
            _ => Ok(std::slice::from_ref(&obj.geometry)),
        }
    }

    /// The polygons of object `name` (points and lines are skipped).
    pub fn polygons(&self, name: &str) -> Result<Vec<TopoFeature>, String> {
        let mut out = Vec::new();
        for g in self.object(name)? {
            let polys: Vec<&Vec<Vec<i32>>> = match &g.value {
                Value::Polygon(rings) => vec![rings],
                Value::MultiPolygon(p) => p.iter().collect(),
                _ => continue,
            };
            // TopoJSON from d3 winds exterior rings clockwise; orient them counter-clockwise
            // (holes clockwise) as geo's area algorithms expect.
            let geometry =
                MultiPolygon(polys.into_iter().filter_map(|r| self.polygon(r)).collect());
            let geometry =
                super::antimeridian::split_antimeridian(geometry).orient(Direction::Default);
            out.push(TopoFeature {
                id: g
                    .id
                    .as_ref()
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned)),
                props: g.properties.clone().unwrap_or_default(),
                geometry,
            });
        }
        Ok(out)
    }

    fn polygon(&self, rings: &[Vec<i32>]) -> Option<Polygon<f64>> {
        let mut rings = rings.iter().map(|r| LineString::new(self.ring(r)));
        let exterior = rings.next()?;
        (exterior.0.len() >= 4)
            .then(|| Polygon::new(exterior, rings.filter(|r| r.0.len() >= 4).collect()))
    }

    /// The points of a ring or line made of arcs (negative index `!i` = arc `i` reversed).
    fn ring(&self, ixs: &[i32]) -> Vec<Coord<f64>> {
        let mut pts: Vec<Coord<f64>> = Vec::new();
        for &ix in ixs {
            let (i, rev) = if ix < 0 {
                (!ix as usize, true)
            } else {
                (ix as usize, false)
            };
            let Some(arc) = self.arcs.get(i) else {
                continue;
            };
            let skip = usize::from(!pts.is_empty());
            if rev {
                pts.extend(arc.iter().rev().skip(skip));
            } else {
                pts.extend(arc.iter().skip(skip));
            }
        }
        pts
    }

    /// Arcs used by the polygons of exactly two features of object `name` — the borders
    /// between neighbouring countries — with the two features' `name` properties
    /// (alphabetical), in arc order.
    pub fn shared_arcs(&self, name: &str) -> Result<Vec<SharedArc>, String> {
        let mut users: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        let geoms = self.object(name)?;
        for (f, g) in geoms.iter().enumerate() {
            let rings: Vec<&Vec<i32>> = match &g.value {
                Value::Polygon(r) => r.iter().collect(),
                Value::MultiPolygon(p) => p.iter().flatten().collect(),
                _ => continue,
            };
            for &ix in rings.into_iter().flatten() {
                let u = users
                    .entry(if ix < 0 { !ix as usize } else { ix as usize })
                    .or_default();
                if !u.contains(&f) {
                    u.push(f);
                }
            }
        }
        let name_of = |f: usize| {
            let p = geoms[f].properties.as_ref();
            p.and_then(|p| p.get("name"))
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_owned()
        };
        let mut out = Vec::new();
        for (arc, u) in users {
            if let ([a, b], Some(pts)) = (u.as_slice(), self.arcs.get(arc)) {
                let mut names = [name_of(*a), name_of(*b)];
                names.sort();
                out.push((LineString::new(pts.clone()), names));
            }
        }
        Ok(out)
    }
}

/// Decodes one arc: quantised, delta-encoded positions when the topology has a transform.
fn decode_arc(arc: &[Vec<f64>], t: &Topology) -> Vec<Coord<f64>> {
    let mut out = Vec::with_capacity(arc.len());
    let (mut x, mut y) = (0.0, 0.0);
    for p in arc {
        let (Some(&px), Some(&py)) = (p.first(), p.get(1)) else {
            continue;
        };
        let c = match &t.transform {
            Some(tr) => {
                x += px;
                y += py;
                Coord {
                    x: x * tr.scale[0] + tr.translate[0],
                    y: y * tr.scale[1] + tr.translate[1],
                }
            }
            None => Coord { x: px, y: py },
        };
        out.push(c);
    }
    out
}
