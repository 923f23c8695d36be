//! Drawing the world layers (110m, then 50m inside its box) under the regional data.

use tiny_skia::Pixmap;

use super::data::BasemapData;
use super::render::{TileCtx, fill, fill_extent, stroke};
use super::style::{BasemapStyle, border_width};

/// World borders are drawn at this share of the regional border width.
const WORLD_BORDER_SCALE: f32 = 0.75;

/// For each world level that applies at this zoom, coarse first: its box as sea, then its
/// land, lakes and land borders. The regional data is drawn over this afterwards.
pub(super) fn draw_world(
    pixmap: &mut Pixmap,
    data: &BasemapData,
    style: &BasemapStyle,
    ctx: &TileCtx,
) {
    // A tile wholly inside the regional data is covered by it: the world layers would be
    // drawn only to be painted over.
    if let Some(r) = data.extent
        && ctx.env[0] >= r[0]
        && ctx.env[1] >= r[1]
        && ctx.env[2] <= r[2]
        && ctx.env[3] <= r[3]
    {
        return;
    }
    for tier in &data.world {
        let Some(e) = tier.extent else { continue };
        if ctx.zf < f32::from(tier.min_zoom) || !ctx.intersects(&e) {
            continue;
        }
        fill_extent(pixmap, ctx, &e, style.water);
        let land = ctx.polygons(tier.land.query(&ctx.env).map(|(p, _)| p));
        fill(pixmap, land.as_ref(), style.land, None);
        let lakes = ctx.polygons(tier.lakes.query(&ctx.env).map(|(p, _)| p));
        fill(pixmap, lakes.as_ref(), style.lake, None);
        let w = border_width(ctx.zf) * ctx.px_scale * WORLD_BORDER_SCALE;
        let runs = tier.borders.query(&ctx.env);
        stroke(
            pixmap,
            ctx.lines(runs.iter()).as_ref(),
            style.border,
            w,
            None,
        );
    }
}
