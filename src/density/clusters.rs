//! Point clusters for the incidents layer at far zooms: points binned on a grid in world
//! coordinates whose cells are a fixed number of screen points at each whole zoom level,
//! each cluster drawn at the mean position of its members. Made on the analysis worker.

use std::collections::HashMap;

/// Screen size of a cluster cell, points.
pub const CELL_PX: f64 = 44.0;
/// From this zoom on, incidents are drawn one by one.
pub const POINTS_FROM_ZOOM: f64 = 8.0;

/// One cluster.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cluster {
    /// Mean world position of the members.
    pub world: [f64; 2],
    pub count: u32,
    pub fatalities: u64,
    /// One member (the first in store order), for tooltips of single-member clusters.
    pub sample: u32,
}

/// Clusters for every whole zoom level below [`POINTS_FROM_ZOOM`]: `levels[z]`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClusterLevels {
    pub levels: Vec<Vec<Cluster>>,
}

impl ClusterLevels {
    /// The clusters to draw at `zoom` (`None` at and beyond [`POINTS_FROM_ZOOM`]).
    pub fn at(&self, zoom: f64) -> Option<&[Cluster]> {
        if zoom >= POINTS_FROM_ZOOM {
            return None;
        }
        let z = (zoom.max(0.0).floor() as usize).min(self.levels.len().checked_sub(1)?);
        self.levels.get(z).map(Vec::as_slice)
    }
}

/// Cluster the points `indices` (into `world` and `fatalities`) at whole zoom `z`.
pub fn cluster(world: &[[f64; 2]], fatalities: &[u32], indices: &[u32], z: u32) -> Vec<Cluster> {
    let cell = CELL_PX / (256.0 * 2f64.powi(z as i32));
    // Cell → (Σx, Σy, members, fatalities, first member).
    type Acc = (f64, f64, u32, u64, u32);
    let mut cells: HashMap<(i64, i64), Acc> = HashMap::new();
    for &i in indices {
        let Some(w) = world.get(i as usize) else {
            continue;
        };
        let key = ((w[0] / cell).floor() as i64, (w[1] / cell).floor() as i64);
        let f = fatalities.get(i as usize).copied().unwrap_or(0) as u64;
        let e = cells.entry(key).or_insert((0.0, 0.0, 0, 0, i));
        e.0 += w[0];
        e.1 += w[1];
        e.2 += 1;
        e.3 += f;
        e.4 = e.4.min(i);
    }
    let out: Vec<Cluster> = cells
        .into_values()
        .map(|(x, y, n, f, sample)| Cluster {
            world: [x / n as f64, y / n as f64],
            count: n,
            fatalities: f,
            sample,
        })
        .collect();
    let mut out = separate(out, 256.0 * 2f64.powi(z as i32));
    // Deterministic order; big clusters last so they are drawn on top.
    out.sort_by(|a, b| a.count.cmp(&b.count).then(a.sample.cmp(&b.sample)));
    out
}

/// Gap (points) kept between two cluster discs.
const DISC_GAP: f64 = 1.5;

/// Whether the discs of `a` and `b` overlap at `scale` points per world unit.
fn discs_overlap(a: &Cluster, b: &Cluster, scale: f64) -> bool {
    let (dx, dy) = (
        (a.world[0] - b.world[0]) * scale,
        (a.world[1] - b.world[1]) * scale,
    );
    let r = f64::from(cluster_radius(a.count) + cluster_radius(b.count)) + DISC_GAP;
    dx * dx + dy * dy < r * r
}

/// Merge clusters whose discs overlap at `scale` (points per world unit) into one, at the
/// members' mean position, until no two overlap. Zooming in only moves discs apart (their
/// radii are in points), so clusters separated at a whole zoom stay so up to the next one.
pub fn separate(mut clusters: Vec<Cluster>, scale: f64) -> Vec<Cluster> {
    loop {
        // Biggest first, so small clusters join the big ones they touch.
        clusters.sort_by(|a, b| b.count.cmp(&a.count).then(a.sample.cmp(&b.sample)));
        let cell = 2.0 * f64::from(cluster_radius(u32::MAX)) + DISC_GAP;
        let key = |c: &Cluster| {
            (
                (c.world[0] * scale / cell).floor() as i64,
                (c.world[1] * scale / cell).floor() as i64,
            )
        };
        let mut kept: Vec<Cluster> = Vec::with_capacity(clusters.len());
        let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
        let mut merged = false;
        for c in clusters {
            let (kx, ky) = key(&c);
            let near = (-1..=1)
                .flat_map(|dx| (-1..=1).map(move |dy| (kx + dx, ky + dy)))
                .filter_map(|k| grid.get(&k))
                .flatten()
                .copied()
                .find(|&i| discs_overlap(&kept[i], &c, scale));
            match near {
                Some(i) => {
                    let k = &mut kept[i];
                    let (n, m) = (f64::from(k.count), f64::from(c.count));
                    k.world = [
                        (k.world[0] * n + c.world[0] * m) / (n + m),
                        (k.world[1] * n + c.world[1] * m) / (n + m),
                    ];
                    k.count += c.count;
                    k.fatalities += c.fatalities;
                    k.sample = k.sample.min(c.sample);
                    merged = true;
                }
                None => {
                    grid.entry((kx, ky)).or_default().push(kept.len());
                    kept.push(c);
                }
            }
        }
        clusters = kept;
        if !merged {
            return clusters;
        }
    }
}

/// [`cluster`] at every whole zoom below [`POINTS_FROM_ZOOM`].
pub fn cluster_levels(world: &[[f64; 2]], fatalities: &[u32], indices: &[u32]) -> ClusterLevels {
    ClusterLevels {
        levels: (0..POINTS_FROM_ZOOM as u32)
            .map(|z| cluster(world, fatalities, indices, z))
            .collect(),
    }
}

/// Marker radius of a cluster of `count` points, screen points.
pub fn cluster_radius(count: u32) -> f32 {
    if count <= 1 {
        4.0
    } else {
        (6.0 + 3.0 * (count as f32).log2()).min(22.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_points_merge_and_far_points_stay_apart() {
        // At zoom 4 a cell is 44 / 4096 of the world.
        let cell = CELL_PX / 4096.0;
        let base = 46.0 * cell;
        let world = [
            [base + 0.1 * cell, base + 0.1 * cell],
            [base + 0.3 * cell, base + 0.5 * cell],
            [base + 5.5 * cell, base + 0.5 * cell],
        ];
        let f = [1, 2, 7];
        let c = cluster(&world, &f, &[0, 1, 2], 4);
        assert_eq!(c.len(), 2);
        let big = c.iter().find(|c| c.count == 2).expect("pair");
        assert_eq!(big.fatalities, 3);
        assert_eq!(big.sample, 0);
        assert!((big.world[0] - (base + 0.2 * cell)).abs() < 1e-12);
        assert!((big.world[1] - (base + 0.3 * cell)).abs() < 1e-12);
        // Only selected indices count.
        assert_eq!(cluster(&world, &f, &[2], 4).len(), 1);
    }

    #[test]
    fn no_two_discs_overlap_and_no_point_is_lost() {
        // 3,000 points in clumps and a spread, at zoom 5 and 7.
        let mut world = Vec::new();
        let mut s = 12345u64;
        let mut next = || {
            s = s
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (s >> 11) as f64 / (1u64 << 53) as f64
        };
        for k in 0..3000 {
            let spread = if k % 3 == 0 { 0.02 } else { 0.002 };
            world.push([0.69 + spread * next(), 0.40 + spread * next()]);
        }
        let f = vec![1; world.len()];
        let idx: Vec<u32> = (0..world.len() as u32).collect();
        for z in [5u32, 7] {
            let c = cluster(&world, &f, &idx, z);
            let scale = 256.0 * 2f64.powi(z as i32);
            assert_eq!(c.iter().map(|c| c.count).sum::<u32>(), 3000);
            assert_eq!(c.iter().map(|c| c.fatalities).sum::<u64>(), 3000);
            for (i, a) in c.iter().enumerate() {
                for b in &c[i + 1..] {
                    assert!(!discs_overlap(a, b, scale), "zoom {z}: {a:?} {b:?}");
                }
            }
        }
        // Two touching discs become one at their weighted mean.
        let one = |x: f64, n: u32| Cluster {
            world: [x, 0.5],
            count: n,
            fatalities: 0,
            sample: n,
        };
        let m = separate(vec![one(0.0, 3), one(10.0 / 1000.0, 1)], 1000.0);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].count, 4);
        assert!((m[0].world[0] - 0.0025).abs() < 1e-12);
        let apart = separate(vec![one(0.0, 3), one(40.0 / 1000.0, 1)], 1000.0);
        assert_eq!(apart.len(), 2);
    }

    #[test]
    fn levels_cover_far_zooms_only() {
        let levels = cluster_levels(&[[0.1, 0.1]], &[0], &[0]);
        assert_eq!(levels.levels.len(), 8);
        assert_eq!(levels.at(5.7).map(|c| c.len()), Some(1));
        assert!(levels.at(8.0).is_none());
        assert!(cluster_radius(1000) <= 22.0 && cluster_radius(2) > cluster_radius(1));
    }
}
