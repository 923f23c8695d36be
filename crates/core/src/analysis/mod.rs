//! Pure analysis: spatial join, kernel density, classification, border distance, time filters.
