//! The source report as structured findings, and place/group extraction from free text.
