//! Showing a position in the form the user chose (decimal degrees, DMS or MGRS).

use super::{CoordFormat, LatLon, format_decimal, format_dms, format_mgrs};

impl CoordFormat {
    /// Every form, in the order a switch lists them.
    pub const ALL: [CoordFormat; 3] = [CoordFormat::Decimal, CoordFormat::Dms, CoordFormat::Mgrs];

    /// The short name on a switch: `DD`, `DMS`, `MGRS`.
    pub fn short_name(self) -> &'static str {
        match self {
            CoordFormat::Decimal => "DD",
            CoordFormat::Dms => "DMS",
            CoordFormat::Mgrs => "MGRS",
        }
    }
}

/// `p` written in `format`: `33.00059, 70.07117`, `33°00'02.12"N 70°04'16.21"E` or
/// `42SXB0006551861` (each to about 1 m).
pub fn format_as(p: LatLon, format: CoordFormat) -> String {
    match format {
        CoordFormat::Decimal => format_decimal(p),
        CoordFormat::Dms => format_dms(p),
        CoordFormat::Mgrs => format_mgrs(p),
    }
}
