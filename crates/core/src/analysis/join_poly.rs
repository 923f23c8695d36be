//! A multipolygon prepared for point queries: its edges bucketed into horizontal strips, and
//! a winding-number test with robust orientation that also reports points on the boundary.

use geo::{Coord, GeoNum, Kernel, MultiPolygon, Orientation};

/// Where a point is relative to a prepared multipolygon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Position {
    Inside,
    OnBoundary,
    Outside,
}

#[derive(Clone, Copy)]
struct Edge {
    a: Coord<f64>,
    b: Coord<f64>,
    y_min: f64,
    y_max: f64,
    x_max: f64,
}

/// Most strips per multipolygon.
const MAX_STRIPS: usize = 4096;

pub(super) struct PreparedPolygon {
    y0: f64,
    /// Strips per unit of y.
    scale: f64,
    /// Edges of strip i: `edges[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    edges: Vec<Edge>,
}

impl PreparedPolygon {
    pub(super) fn new(mp: &MultiPolygon<f64>) -> Self {
        let all: Vec<Edge> =
            mp.0.iter()
                .flat_map(|p| {
                    p.exterior()
                        .lines()
                        .chain(p.interiors().iter().flat_map(|r| r.lines()))
                })
                .map(|l| Edge {
                    a: l.start,
                    b: l.end,
                    y_min: l.start.y.min(l.end.y),
                    y_max: l.start.y.max(l.end.y),
                    x_max: l.start.x.max(l.end.x),
                })
                .collect();
        let y0 = all.iter().map(|e| e.y_min).fold(f64::INFINITY, f64::min);
        let y1 = all.iter().map(|e| e.y_max).fold(-f64::INFINITY, f64::max);
        let n = (all.len() / 2).clamp(1, MAX_STRIPS);
        let scale = if y1 > y0 { n as f64 / (y1 - y0) } else { 0.0 };
        let strip = |y: f64| (((y - y0) * scale).max(0.0) as usize).min(n - 1);
        let mut buckets: Vec<Vec<Edge>> = vec![Vec::new(); n];
        for e in &all {
            for b in &mut buckets[strip(e.y_min)..=strip(e.y_max)] {
                b.push(*e);
            }
        }
        let mut starts = Vec::with_capacity(n + 1);
        let mut edges = Vec::new();
        for b in buckets {
            starts.push(edges.len() as u32);
            edges.extend(b);
        }
        starts.push(edges.len() as u32);
        PreparedPolygon {
            y0,
            scale,
            starts,
            edges,
        }
    }

    /// Position of `c`, decided edge by edge as geo's interval-tree multipolygon does
    /// (winding number; collinear and between the ends is on the boundary).
    pub(super) fn position(&self, c: Coord<f64>) -> Position {
        let n = self.starts.len() - 1;
        if self.edges.is_empty() || c.y.is_nan() || c.y < self.y0 {
            return Position::Outside;
        }
        let i = (((c.y - self.y0) * self.scale) as usize).min(n - 1);
        let edges = &self.edges[self.starts[i] as usize..self.starts[i + 1] as usize];
        let mut winding = 0i32;
        for e in edges {
            if c.y < e.y_min || c.y > e.y_max || e.x_max < c.x {
                continue;
            }
            let (a, b) = (e.a, e.b);
            let between = || c.x >= a.x.min(b.x) && c.x <= a.x.max(b.x);
            if a.y <= c.y {
                if b.y >= c.y {
                    let o = <f64 as GeoNum>::Ker::orient2d(a, b, c);
                    if o == Orientation::CounterClockwise && b.y != c.y {
                        winding += 1;
                    } else if o == Orientation::Collinear && between() {
                        return Position::OnBoundary;
                    }
                }
            } else {
                let o = <f64 as GeoNum>::Ker::orient2d(a, b, c);
                if o == Orientation::Clockwise {
                    winding -= 1;
                } else if o == Orientation::Collinear && between() {
                    return Position::OnBoundary;
                }
            }
        }
        if winding != 0 {
            Position::Inside
        } else {
            Position::Outside
        }
    }
}
