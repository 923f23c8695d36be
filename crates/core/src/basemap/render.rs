//! Rasterising one XYZ tile of the basemap with tiny-skia (anti-aliased fills and strokes).

use tiny_skia::{
    FillRule, FilterQuality, LineCap, LineJoin, Mask, Paint, Path, PathBuilder, Pattern, Pixmap,
    Rect, Shader, SpreadMode, Stroke, StrokeDash, Transform,
};

use super::data::{BasemapData, BorderKind};
use super::index::{Bbox, LineRun, Polygon, WorldPt};
use super::mercator::tiles_per_side;
use super::style::{BasemapStyle, FOCUS_COUNTRIES, Rgba, border_width, river_width};

/// A rendered square tile: `size * size` pixels, row-major, 4 bytes (R, G, B, A) each,
/// straight (not premultiplied) alpha.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TileImage {
    pub size: u32,
    pub rgba: Vec<u8>,
}

impl TileImage {
    /// The pixel at (x, y), or `None` outside the image.
    pub fn pixel(&self, x: u32, y: u32) -> Option<[u8; 4]> {
        if x >= self.size || y >= self.size {
            return None;
        }
        let i = (y as usize * self.size as usize + x as usize) * 4;
        let p = self.rgba.get(i..i + 4)?;
        Some([p[0], p[1], p[2], p[3]])
    }

    /// Iterates over all pixels.
    pub fn pixels(&self) -> impl Iterator<Item = [u8; 4]> + '_ {
        self.rgba.chunks_exact(4).map(|p| [p[0], p[1], p[2], p[3]])
    }
}

/// Largest tile edge accepted by [`render_tile`]; larger requests are clamped.
pub const MAX_TILE_SIZE: u32 = 2048;

/// Below this zoom borders get no halo (it costs the most and adds little when zoomed out).
const HALO_MIN_ZOOM: u8 = 6;

/// Period (px) of the disputed-area hatch pattern.
const HATCH: u32 = 8;

/// Renders XYZ tile (`x`, `y`) at zoom `z` (tile (0, 0) is the north-west one, as in
/// OpenStreetMap) into a `size` x `size` image. Line widths are tuned for 256 px tiles and
/// scale with `size / 256`.
///
/// Draw order: no-data background; the world layers (sea, land, lakes, borders: 110m, then
/// 50m near the region); then the regional data over its extent: sea, land, optional country
/// tint, urban areas, lakes, rivers, disputed-area hatch, border halos, international borders
/// (solid), disputed lines and claim lines (dashed). With the world layers loaded no pixel
/// keeps `style.no_data`; without them it shows outside the regional extent.
/// `size == 0` gives an empty image.
pub fn render_tile(
    data: &BasemapData,
    style: &BasemapStyle,
    z: u8,
    x: u32,
    y: u32,
    size: u32,
) -> TileImage {
    let size = size.min(MAX_TILE_SIZE);
    let Some(mut pixmap) = Pixmap::new(size, size) else {
        return TileImage {
            size: 0,
            rgba: Vec::new(),
        };
    };
    let ctx = TileCtx::new(style, z, x, y, size);
    pixmap.fill(style.no_data.to_skia());
    super::render_world::draw_world(&mut pixmap, data, style, &ctx);
    draw_sea_and_land(&mut pixmap, data, style, &ctx);
    draw_water_and_towns(&mut pixmap, data, style, &ctx);
    draw_disputed_areas(&mut pixmap, data, style, &ctx, (x, y));
    draw_borders(&mut pixmap, data, style, &ctx);

    TileImage {
        size,
        rgba: pixmap
            .pixels()
            .iter()
            .flat_map(|p| {
                let c = p.demultiply();
                [c.red(), c.green(), c.blue(), c.alpha()]
            })
            .collect(),
    }
}

/// Sea (inside the data extent everything not covered by land is water), land, and the
/// optional tint of countries outside the focus.
fn draw_sea_and_land(pixmap: &mut Pixmap, data: &BasemapData, style: &BasemapStyle, ctx: &TileCtx) {
    if let Some(e) = data.extent {
        fill_extent(pixmap, ctx, &e, style.water);
    }
    let ocean = ctx.polygons(data.ocean.query(&ctx.env).map(|(p, _)| p));
    fill(pixmap, ocean.as_ref(), style.water, None);

    let land = ctx.polygons(data.land.query(&ctx.env).map(|(p, _)| p));
    fill(pixmap, land.as_ref(), style.land, None);
    let (Some(tint), Some(land)) = (style.other_land, land.as_ref()) else {
        return;
    };
    let others = data.countries.query(&ctx.env);
    let others = others.filter(|(_, code)| !FOCUS_COUNTRIES.contains(&code.as_str()));
    let size = pixmap.width();
    if let (Some(path), Some(mut mask)) =
        (ctx.polygons(others.map(|(p, _)| p)), Mask::new(size, size))
    {
        // Masked to the 10m land so the coarser 50m country outlines never spill into the sea.
        mask.fill_path(land, FillRule::Winding, true, Transform::identity());
        fill(pixmap, Some(&path), tint, Some(&mask));
    }
}

/// Urban areas, lakes and rivers (rivers filtered by Natural Earth `min_zoom`).
fn draw_water_and_towns(
    pixmap: &mut Pixmap,
    data: &BasemapData,
    style: &BasemapStyle,
    ctx: &TileCtx,
) {
    let urban = data.urban.query(&ctx.env).map(|(p, _)| p);
    fill(pixmap, ctx.polygons(urban).as_ref(), style.urban, None);
    let lakes = data.lakes.query(&ctx.env).map(|(p, _)| p);
    fill(pixmap, ctx.polygons(lakes).as_ref(), style.lake, None);
    for run in data.rivers.query(&ctx.env) {
        if run.attrs.min_zoom <= ctx.zf {
            let w = river_width(ctx.zf, run.attrs.scalerank) * ctx.px_scale;
            stroke(pixmap, ctx.line(&run.pts).as_ref(), style.river, w, None);
        }
    }
}

/// Disputed areas: a faint tint plus a diagonal hatch aligned to global pixels, so hatch
/// lines join across tiles.
fn draw_disputed_areas(
    pixmap: &mut Pixmap,
    data: &BasemapData,
    style: &BasemapStyle,
    ctx: &TileCtx,
    (x, y): (u32, u32),
) {
    let Some(path) = ctx.polygons(data.disputed_areas.query(&ctx.env).map(|(p, _)| p)) else {
        return;
    };
    fill(pixmap, Some(&path), style.disputed_fill, None);
    if style.disputed_hatch.a == 0 {
        return;
    }
    let Some(hatch) = hatch_pixmap(style.disputed_hatch) else {
        return;
    };
    let size = u64::from(pixmap.width());
    let shift = |t: u32| -((u64::from(t) * size % u64::from(HATCH)) as f32);
    let ts = Transform::from_translate(shift(x), shift(y));
    let shader = Pattern::new(
        hatch.as_ref(),
        SpreadMode::Repeat,
        FilterQuality::Nearest,
        1.0,
        ts,
    );
    let p = Paint {
        shader,
        anti_alias: true,
        ..Paint::default()
    };
    pixmap.fill_path(&path, &p, FillRule::Winding, Transform::identity(), None);
}

/// Border halos, international borders (solid), disputed lines and claim lines (dashed).
fn draw_borders(pixmap: &mut Pixmap, data: &BasemapData, style: &BasemapStyle, ctx: &TileCtx) {
    let bw = border_width(ctx.zf) * ctx.px_scale;
    let borders = data.borders.query(&ctx.env);
    if ctx.zf >= f32::from(HALO_MIN_ZOOM) {
        let halo = ctx.lines(borders.iter());
        stroke(pixmap, halo.as_ref(), style.border_halo, bw * 3.2, None);
    }
    let intl = borders
        .iter()
        .filter(|r| *r.attrs == BorderKind::International);
    stroke(pixmap, ctx.lines(intl).as_ref(), style.border, bw, None);
    for run in borders.iter().filter(|r| *r.attrs == BorderKind::Disputed) {
        ctx.dashed(pixmap, run, style.disputed_line, bw * 0.85, [4.0, 3.0]);
    }
    for run in data.claims.query(&ctx.env) {
        ctx.dashed(pixmap, &run, style.claim_line, bw * 0.7, [2.5, 2.5]);
    }
}

/// Placement of one tile: world coordinates -> tile pixels.
pub(super) struct TileCtx {
    pub zf: f32,
    pub sizef: f32,
    /// Tile pixels per world unit (`2^z * size`).
    scale: f64,
    /// Global pixel position of the tile's top-left corner.
    origin: [f64; 2],
    /// Line-width factor: `size / 256 * style.line_scale`.
    pub px_scale: f32,
    /// Query box: the tile plus a margin for line widths.
    pub env: Bbox,
}

impl TileCtx {
    fn new(style: &BasemapStyle, z: u8, x: u32, y: u32, size: u32) -> Self {
        let scale = tiles_per_side(z) * f64::from(size);
        let origin = [
            f64::from(x) * f64::from(size),
            f64::from(y) * f64::from(size),
        ];
        let px_scale = size as f32 / 256.0 * style.line_scale.max(0.0);
        let zf = f32::from(z);
        let margin_px = f64::from(border_width(zf) * px_scale * 2.0 + 2.0);
        let m = margin_px / scale;
        let end = |o: f64| (o + f64::from(size)) / scale;
        let env = [
            origin[0] / scale - m,
            origin[1] / scale - m,
            end(origin[0]) + m,
            end(origin[1]) + m,
        ];
        Self {
            zf,
            sizef: size as f32,
            scale,
            origin,
            px_scale,
            env,
        }
    }

    /// True when world box `b` meets the tile's query box.
    pub fn intersects(&self, b: &Bbox) -> bool {
        b[0] <= self.env[2] && b[2] >= self.env[0] && b[1] <= self.env[3] && b[3] >= self.env[1]
    }

    pub fn px(&self, p: WorldPt) -> (f32, f32) {
        let x = p[0] * self.scale - self.origin[0];
        let y = p[1] * self.scale - self.origin[1];
        (x as f32, y as f32)
    }

    /// Adds `pts` to `pb` as one contour, dropping points under half a pixel apart.
    fn add_contour(&self, pb: &mut PathBuilder, pts: &[WorldPt], close: bool) {
        let Some((&first, rest)) = pts.split_first() else {
            return;
        };
        let (mut lx, mut ly) = self.px(first);
        pb.move_to(lx, ly);
        let last = rest.len().saturating_sub(1);
        for (i, &p) in rest.iter().enumerate() {
            let (px, py) = self.px(p);
            if i == last || (px - lx).abs() > 0.5 || (py - ly).abs() > 0.5 {
                pb.line_to(px, py);
                (lx, ly) = (px, py);
            }
        }
        if close {
            pb.close();
        }
    }

    /// One path holding all rings of `polys` (filled with the non-zero rule).
    pub fn polygons<'a>(&self, polys: impl Iterator<Item = &'a Polygon>) -> Option<Path> {
        let mut pb = PathBuilder::new();
        for poly in polys {
            for ring in &poly.rings {
                self.add_contour(&mut pb, ring, true);
            }
        }
        pb.finish()
    }

    fn line(&self, pts: &[WorldPt]) -> Option<Path> {
        let mut pb = PathBuilder::new();
        self.add_contour(&mut pb, pts, false);
        pb.finish()
    }

    pub fn lines<'a, 'b: 'a, A: 'b>(
        &self,
        runs: impl Iterator<Item = &'a LineRun<'b, A>>,
    ) -> Option<Path> {
        let mut pb = PathBuilder::new();
        for run in runs {
            self.add_contour(&mut pb, &run.pts, false);
        }
        pb.finish()
    }

    /// Strokes one run dashed, with the dash phase taken from the run's position along its
    /// line so dashes continue seamlessly across pieces and tiles. `pattern` is in line widths.
    fn dashed<A>(
        &self,
        pixmap: &mut Pixmap,
        run: &LineRun<'_, A>,
        c: Rgba,
        w: f32,
        pattern: [f32; 2],
    ) {
        let unit = w.max(1.0);
        let (on, off) = (pattern[0] * unit, pattern[1] * unit);
        let phase = (run.start_len * self.scale).rem_euclid(f64::from(on + off)) as f32;
        let dash = StrokeDash::new(vec![on, off], phase);
        stroke(pixmap, self.line(&run.pts).as_ref(), c, w, dash);
    }
}

/// Fills world box `e` with `c`, shrunk to the whole pixels it covers and without
/// anti-aliasing: the pixels along its edge keep what is underneath (the coarser world layer),
/// and the data drawn over the box blends into that, so no seam shows along the edge.
pub(super) fn fill_extent(pixmap: &mut Pixmap, ctx: &TileCtx, e: &Bbox, c: Rgba) {
    let (l, t) = ctx.px([e[0], e[1]]);
    let (r, b) = ctx.px([e[2], e[3]]);
    // Whole pixels inside the tile: tiny-skia rounds a rect's origin and size separately
    // (origin -1 becomes 0 with the size kept), so never hand it negative corners.
    let (l, t) = (l.max(0.0).ceil(), t.max(0.0).ceil());
    let (r, b) = (r.min(ctx.sizef).floor(), b.min(ctx.sizef).floor());
    if let Some(rect) = Rect::from_ltrb(l, t, r, b) {
        let p = Paint {
            anti_alias: false,
            ..paint(c)
        };
        pixmap.fill_rect(rect, &p, Transform::identity(), None);
    }
}

pub(super) fn paint(c: Rgba) -> Paint<'static> {
    Paint {
        shader: Shader::SolidColor(c.to_skia()),
        anti_alias: true,
        ..Paint::default()
    }
}

pub(super) fn fill(pixmap: &mut Pixmap, path: Option<&Path>, c: Rgba, mask: Option<&Mask>) {
    if let (Some(path), true) = (path, c.a > 0) {
        pixmap.fill_path(
            path,
            &paint(c),
            FillRule::Winding,
            Transform::identity(),
            mask,
        );
    }
}

pub(super) fn stroke(
    pixmap: &mut Pixmap,
    path: Option<&Path>,
    c: Rgba,
    width: f32,
    dash: Option<StrokeDash>,
) {
    let Some(path) = path else { return };
    if width <= 0.0 || c.a == 0 {
        return;
    }
    let s = Stroke {
        width,
        line_cap: if dash.is_some() {
            LineCap::Butt
        } else {
            LineCap::Round
        },
        // Round joins cost many curve segments per vertex; on thin lines miters look the same.
        line_join: if width > 4.5 {
            LineJoin::Round
        } else {
            LineJoin::Miter
        },
        miter_limit: 2.0,
        dash,
    };
    pixmap.stroke_path(path, &paint(c), &s, Transform::identity(), None);
}

/// A small transparent tile with one diagonal line, repeated to hatch disputed areas.
fn hatch_pixmap(c: Rgba) -> Option<Pixmap> {
    let mut pm = Pixmap::new(HATCH, HATCH)?;
    let colour = tiny_skia::ColorU8::from_rgba(c.r, c.g, c.b, c.a).premultiply();
    let n = HATCH as usize;
    for i in 0..n {
        if let Some(px) = pm.pixels_mut().get_mut((n - 1 - i) * n + i) {
            *px = colour;
        }
    }
    Some(pm)
}
