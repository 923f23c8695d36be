//! What can be wrong with a coordinate text, each with a message saying what and where.

/// Why a coordinate text was not accepted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CoordError {
    #[error("empty coordinate")]
    Empty,
    #[error("latitude {0} out of range (-90 to 90)")]
    LatitudeOutOfRange(f64),
    #[error("longitude {0} out of range (-180 to 180)")]
    LongitudeOutOfRange(f64),
    #[error(
        "latitude {0} out of range (-90 to 90); write latitude first, or mark the \
         hemispheres (70.07E 33.00N)"
    )]
    LatitudeFirst(f64),
    #[error("minutes {0} out of range (0 to less than 60)")]
    MinutesOutOfRange(f64),
    #[error("seconds {0} out of range (0 to less than 60)")]
    SecondsOutOfRange(f64),
    #[error("only the last part of a degrees-minutes-seconds value may have decimals: `{0}`")]
    FractionNotLast(String),
    #[error("a sign and a hemisphere letter together in `{0}`: use one")]
    SignWithHemisphere(String),
    #[error("only degrees may carry a sign: `{0}`")]
    MisplacedSign(String),
    #[error("both values are {0}: give one latitude (N/S) and one longitude (E/W)")]
    SameAxisTwice(&'static str),
    #[error(
        "expected a latitude and a longitude, found {0} value(s): write e.g. `33.00059, 70.07117`, \
         `34°31'41.2\"N 69°10'20.3\"E` or `42SXB0006551861`"
    )]
    WrongCount(usize),
    #[error(
        "{0} numbers without units or hemispheres: expected 2 (decimal degrees), 4 (degrees \
         minutes) or 6 (degrees minutes seconds)"
    )]
    BareNumberCount(usize),
    #[error("unit `{unit}` out of order in `{part}`: write degrees, then minutes, then seconds")]
    UnitOrder { unit: &'static str, part: String },
    #[error("too many numbers in `{0}`: at most degrees, minutes and seconds")]
    TooManyParts(String),
    #[error("unexpected `{0}` at character {1}")]
    UnexpectedChar(char, usize),
    #[error("hemisphere letter `{0}` in the middle of a value")]
    MisplacedHemisphere(char),
    #[error("MGRS zone {0} out of range (1 to 60)")]
    MgrsZone(String),
    #[error("MGRS latitude band {0} does not exist (C to X, without I and O)")]
    MgrsBand(char),
    #[error("MGRS `{0}` names a grid zone only: add the 100 km square letters and digits")]
    MgrsZoneOnly(String),
    #[error("MGRS square {square} does not exist in zone {zone}")]
    MgrsSquare { square: String, zone: String },
    #[error(
        "MGRS digits `{0}` are odd in number: easting and northing need the same count \
         (e.g. 00065 51861)"
    )]
    MgrsOddDigits(String),
    #[error("MGRS digits `{0}`: at most 11 for each of easting and northing")]
    MgrsTooManyDigits(String),
    #[error("MGRS `{0}`: unexpected character after the square letters")]
    MgrsTrailing(String),
    #[error("MGRS `{text}`: {reason}")]
    Mgrs { text: String, reason: String },
}
