//! Pre-projected basemap geometry with an R-tree over bounding boxes, so rendering a tile only
//! touches the polygons and line pieces that intersect it.

use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};

/// Axis-aligned box in world coordinates: `[min_x, min_y, max_x, max_y]`.
pub type Bbox = [f64; 4];

/// A point in normalised Web Mercator world coordinates (see [`super::mercator`]).
pub type WorldPt = [f64; 2];

/// Lines are cut into pieces of at most this many points, so a long border only costs the
/// pieces that cross a tile.
const CHUNK_POINTS: usize = 32;

type Entry = GeomWithData<Rectangle<WorldPt>, usize>;

/// R-tree from bounding boxes to item indices.
#[derive(Debug, Default)]
struct SpatialIndex {
    tree: RTree<Entry>,
}

impl SpatialIndex {
    fn build<'a>(boxes: impl Iterator<Item = &'a Bbox>) -> Self {
        let entries = boxes
            .enumerate()
            .map(|(i, b)| GeomWithData::new(Rectangle::from_corners([b[0], b[1]], [b[2], b[3]]), i))
            .collect();
        Self {
            tree: RTree::bulk_load(entries),
        }
    }

    /// Indices of items whose box intersects `env`, ascending (so drawing order is stable).
    fn query(&self, env: &Bbox) -> Vec<usize> {
        let aabb = AABB::from_corners([env[0], env[1]], [env[2], env[3]]);
        let mut hits: Vec<usize> = self
            .tree
            .locate_in_envelope_intersecting(&aabb)
            .map(|e| e.data)
            .collect();
        hits.sort_unstable();
        hits
    }
}

/// Bounding box of a list of points (`None` when empty).
pub fn bbox_of<'a>(pts: impl IntoIterator<Item = &'a WorldPt>) -> Option<Bbox> {
    pts.into_iter().fold(None, |acc, p| {
        Some(match acc {
            None => [p[0], p[1], p[0], p[1]],
            Some(b) => [
                b[0].min(p[0]),
                b[1].min(p[1]),
                b[2].max(p[0]),
                b[3].max(p[1]),
            ],
        })
    })
}

/// Union of two optional boxes.
pub fn bbox_union(a: Option<Bbox>, b: Option<Bbox>) -> Option<Bbox> {
    match (a, b) {
        (Some(a), Some(b)) => Some([
            a[0].min(b[0]),
            a[1].min(b[1]),
            a[2].max(b[2]),
            a[3].max(b[3]),
        ]),
        (a, None) => a,
        (None, b) => b,
    }
}

/// Twice the signed area of a ring (positive = clockwise on screen, since world y points down).
fn signed_area2(ring: &[WorldPt]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a[0] * b[1] - b[0] * a[1]
        })
        .sum()
}

/// One polygon: outer ring first, then holes. Rings are oriented at build time (outer rings
/// positive, holes negative) so a whole layer can be filled as one path with the non-zero rule.
#[derive(Debug, Clone)]
pub struct Polygon {
    pub rings: Vec<Vec<WorldPt>>,
    pub bbox: Bbox,
}

impl Polygon {
    /// Builds an oriented polygon; rings with fewer than 3 points are dropped.
    /// Returns `None` when the outer ring is unusable.
    pub fn new(rings: Vec<Vec<WorldPt>>) -> Option<Self> {
        let mut out = Vec::with_capacity(rings.len());
        for (i, mut ring) in rings.into_iter().enumerate() {
            if ring.len() > 1 && ring.first() == ring.last() {
                ring.pop();
            }
            if ring.len() < 3 {
                if i == 0 {
                    return None;
                }
                continue;
            }
            let want_positive = i == 0;
            if (signed_area2(&ring) > 0.0) != want_positive {
                ring.reverse();
            }
            out.push(ring);
        }
        let bbox = bbox_of(out.first()?.iter())?;
        Some(Self { rings: out, bbox })
    }
}

/// Polygons with per-polygon attributes `A`, indexed by bounding box.
#[derive(Debug)]
pub struct PolygonLayer<A> {
    pub items: Vec<(Polygon, A)>,
    index: SpatialIndex,
}

impl<A> Default for PolygonLayer<A> {
    fn default() -> Self {
        Self::new(Vec::new())
    }
}

impl<A> PolygonLayer<A> {
    pub fn new(items: Vec<(Polygon, A)>) -> Self {
        let index = SpatialIndex::build(items.iter().map(|(p, _)| &p.bbox));
        Self { items, index }
    }

    /// Polygons whose bounding box intersects `env`, in file order.
    pub fn query(&self, env: &Bbox) -> impl Iterator<Item = &(Polygon, A)> {
        self.index
            .query(env)
            .into_iter()
            .filter_map(|i| self.items.get(i))
    }

    /// Bounding box of all polygons.
    pub fn extent(&self) -> Option<Bbox> {
        self.items
            .iter()
            .fold(None, |acc, (p, _)| bbox_union(acc, Some(p.bbox)))
    }
}

/// A piece of one polyline. Consecutive pieces share their joining point.
#[derive(Debug, Clone)]
pub struct LineChunk {
    /// Index of the polyline in [`LineLayer::lines`].
    pub line: usize,
    /// Position of this piece along its polyline (0, 1, 2, ...).
    pub seq: usize,
    /// Length of the polyline before this piece, in world units (for continuous dashes).
    pub start_len: f64,
    pub pts: Vec<WorldPt>,
    pub bbox: Bbox,
}

/// Polylines with per-line attributes `A`, cut into indexed pieces.
#[derive(Debug)]
pub struct LineLayer<A> {
    /// Attributes of each polyline.
    pub lines: Vec<A>,
    chunks: Vec<LineChunk>,
    index: SpatialIndex,
}

/// Consecutive pieces of one polyline that intersect a query box, joined back together.
#[derive(Debug, Clone)]
pub struct LineRun<'a, A> {
    pub attrs: &'a A,
    pub start_len: f64,
    pub pts: Vec<WorldPt>,
}

impl<A> Default for LineLayer<A> {
    fn default() -> Self {
        Self::new(Vec::new())
    }
}

impl<A> LineLayer<A> {
    /// Builds the layer from polylines; lines with fewer than 2 points are dropped.
    pub fn new(input: Vec<(Vec<WorldPt>, A)>) -> Self {
        let mut lines = Vec::with_capacity(input.len());
        let mut chunks = Vec::new();
        for (pts, attrs) in input {
            if pts.len() < 2 {
                continue;
            }
            let line = lines.len();
            lines.push(attrs);
            let mut start = 0;
            let mut start_len = 0.0;
            let mut seq = 0;
            while start + 1 < pts.len() {
                let end = (start + CHUNK_POINTS).min(pts.len());
                let piece = pts[start..end].to_vec();
                let len: f64 = piece
                    .windows(2)
                    .map(|w| (w[1][0] - w[0][0]).hypot(w[1][1] - w[0][1]))
                    .sum();
                if let Some(bbox) = bbox_of(piece.iter()) {
                    chunks.push(LineChunk {
                        line,
                        seq,
                        start_len,
                        pts: piece,
                        bbox,
                    });
                }
                start_len += len;
                seq += 1;
                start = end - 1;
            }
        }
        let index = SpatialIndex::build(chunks.iter().map(|c| &c.bbox));
        Self {
            lines,
            chunks,
            index,
        }
    }

    /// Number of indexed pieces.
    #[cfg(test)]
    pub fn chunk_count(&self) -> usize {
        self.chunks.len()
    }

    /// The parts of lines that intersect `env`: adjacent pieces of the same line are merged
    /// into one run, so joins look the same as in an unsplit line.
    pub fn query(&self, env: &Bbox) -> Vec<LineRun<'_, A>> {
        let mut runs: Vec<LineRun<'_, A>> = Vec::new();
        let mut prev: Option<(usize, usize)> = None;
        // Chunks are stored in (line, seq) order, so ascending indices keep that order.
        for i in self.index.query(env) {
            let Some(c) = self.chunks.get(i) else {
                continue;
            };
            let Some(attrs) = self.lines.get(c.line) else {
                continue;
            };
            let continues = prev == Some((c.line, c.seq.wrapping_sub(1)));
            match runs.last_mut() {
                Some(run) if continues => run.pts.extend_from_slice(&c.pts[1..]),
                _ => runs.push(LineRun {
                    attrs,
                    start_len: c.start_len,
                    pts: c.pts.clone(),
                }),
            }
            prev = Some((c.line, c.seq));
        }
        runs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polygon_orientation_is_normalised() {
        // Outer ring given counter-clockwise on screen, hole given clockwise: both get flipped.
        let outer = vec![[0.0, 0.0], [0.0, 4.0], [4.0, 4.0], [4.0, 0.0], [0.0, 0.0]];
        let hole = vec![[1.0, 1.0], [2.0, 1.0], [2.0, 2.0], [1.0, 2.0]];
        let p = Polygon::new(vec![outer, hole, vec![[0.0, 0.0]]]).expect("valid polygon");
        assert_eq!(p.rings.len(), 2, "degenerate ring dropped");
        assert_eq!(p.rings[0].len(), 4, "closing point dropped");
        assert!(signed_area2(&p.rings[0]) > 0.0);
        assert!(signed_area2(&p.rings[1]) < 0.0);
        assert_eq!(p.bbox, [0.0, 0.0, 4.0, 4.0]);
        assert!(Polygon::new(vec![vec![[0.0, 0.0], [1.0, 1.0]]]).is_none());
    }

    #[test]
    fn polygon_query_uses_boxes() {
        let sq = |x: f64| Polygon::new(vec![vec![[x, 0.0], [x + 1.0, 0.0], [x + 1.0, 1.0]]]);
        let items = vec![(sq(0.0).unwrap(), 'a'), (sq(10.0).unwrap(), 'b')];
        let layer = PolygonLayer::new(items);
        let hits: Vec<char> = layer
            .query(&[9.5, 0.2, 10.5, 0.4])
            .map(|(_, a)| *a)
            .collect();
        assert_eq!(hits, vec!['b']);
        assert_eq!(layer.extent(), Some([0.0, 0.0, 11.0, 1.0]));
    }

    #[test]
    fn long_lines_are_chunked_and_rejoined() {
        // 100 points along x: pieces of 32 points sharing ends -> ceil(99 / 31) = 4 pieces.
        let pts: Vec<WorldPt> = (0..100).map(|i| [f64::from(i), 0.0]).collect();
        let layer = LineLayer::new(vec![(pts, 7u8), (vec![[0.0, 5.0]], 9u8)]);
        assert_eq!(layer.lines, vec![7], "one-point line dropped");
        assert_eq!(layer.chunk_count(), 4);
        // A box around x 40..70 hits pieces 1 (31..62) and 2 (62..93), merged into one run.
        let runs = layer.query(&[40.0, -1.0, 70.0, 1.0]);
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].start_len, 31.0);
        assert_eq!(runs[0].pts.first(), Some(&[31.0, 0.0]));
        assert_eq!(runs[0].pts.last(), Some(&[93.0, 0.0]));
        assert_eq!(runs[0].pts.len(), 63);
        // A line that leaves the box and comes back: pieces 0 and 3 hit, 1 and 2 do not.
        let pts: Vec<WorldPt> = (0..100)
            .map(|i| match i {
                0..=31 => [f64::from(i), 0.0],
                32..=93 => [f64::from(i), 100.0],
                _ => [f64::from(i - 94), 0.0],
            })
            .collect();
        let layer = LineLayer::new(vec![(pts, ())]);
        let runs = layer.query(&[0.0, -1.0, 10.0, 1.0]);
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0].pts.len(), 32);
        assert_eq!(runs[1].pts.first(), Some(&[93.0, 100.0]));
        assert_eq!(runs[1].pts.len(), 7);
    }
}
