//! A project's data sources: incident datasets, camp point files, findings and report texts.
//! Datasets are referenced, never embedded; each source has an id the layers point at.

use serde::{Deserialize, Serialize};

use super::paths::FileRef;
use crate::incidents::{ColumnMapping, CsvFormat, LocationPrecision};

/// One source of data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceDef {
    /// Unique within the project; layers name it in their `source`.
    pub id: String,
    /// Display name (default: the file name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(flatten)]
    pub kind: SourceKind,
}

/// What a source holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SourceKind {
    /// Incident events (ACLED, UCDP GED, GTD, a mapped generic CSV, or GeoJSON points).
    Incidents {
        file: FileRef,
        #[serde(default)]
        format: IncidentFormat,
        /// Band along the AF–PK border for the share-within figure, km.
        #[serde(default = "default_border_km")]
        border_km: f64,
    },
    /// Training camps with coordinates (CSV with lon/lat columns, or GeoJSON points).
    CampPoints { file: FileRef },
    /// Structured findings (`findings.json`), checked against their report text and the
    /// group dictionary.
    Findings {
        file: FileRef,
        /// The report text the quotes come from (default: beside the findings file, as its
        /// `source.file` names it).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        report: Option<FileRef>,
        /// The group dictionary (default: `groups.json` beside the findings file).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        groups: Option<FileRef>,
    },
    /// A report read for its places (the report reader): a file, or pasted text.
    ReportText {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        file: Option<FileRef>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        text: Option<String>,
    },
}

fn default_border_km() -> f64 {
    50.0
}

impl SourceDef {
    /// Name for layer labels and the Sources line.
    pub fn display_name(&self) -> String {
        if let Some(n) = &self.name {
            return n.clone();
        }
        match &self.kind {
            SourceKind::Incidents { file, .. }
            | SourceKind::CampPoints { file }
            | SourceKind::Findings { file, .. } => file.file_name(),
            SourceKind::ReportText { file: Some(f), .. } => f.file_name(),
            SourceKind::ReportText { .. } => "pasted text".into(),
        }
    }

    /// The file the source reads, if it reads one.
    pub fn file(&self) -> Option<&FileRef> {
        match &self.kind {
            SourceKind::Incidents { file, .. }
            | SourceKind::CampPoints { file }
            | SourceKind::Findings { file, .. } => Some(file),
            SourceKind::ReportText { file, .. } => file.as_ref(),
        }
    }

    pub fn file_mut(&mut self) -> Option<&mut FileRef> {
        match &mut self.kind {
            SourceKind::Incidents { file, .. }
            | SourceKind::CampPoints { file }
            | SourceKind::Findings { file, .. } => Some(file),
            SourceKind::ReportText { file, .. } => file.as_mut(),
        }
    }

    /// Every file the source reads (findings also read their report and groups).
    pub fn files_mut(&mut self) -> Vec<&mut FileRef> {
        match &mut self.kind {
            SourceKind::Incidents { file, .. } | SourceKind::CampPoints { file } => vec![file],
            SourceKind::Findings {
                file,
                report,
                groups,
            } => std::iter::once(file)
                .chain(report.as_mut())
                .chain(groups.as_mut())
                .collect(),
            SourceKind::ReportText { file, .. } => file.as_mut().into_iter().collect(),
        }
    }
}

/// How to read an incident file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncidentFormat {
    #[serde(default)]
    pub schema: SchemaDef,
    /// Columns (or GeoJSON properties) for `generic` and `geojson`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mapping: Option<MappingDef>,
}

/// The file's schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SchemaDef {
    /// From the header (ACLED, UCDP GED, GTD).
    #[default]
    Auto,
    Acled,
    UcdpGed,
    Gtd,
    /// A CSV with a column mapping.
    Generic,
    /// GeoJSON points with a property mapping.
    Geojson,
}

/// A column mapping as saved (see [`ColumnMapping`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MappingDef {
    pub lon: String,
    pub lat: String,
    pub date: String,
    pub actor: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fatalities: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor2: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<String>,
    /// point, town, district, province or country.
    #[serde(default = "default_precision")]
    pub default_precision: String,
}

fn default_precision() -> String {
    "point".into()
}

/// Precision word ↔ [`LocationPrecision`].
pub fn precision_word(p: LocationPrecision) -> &'static str {
    match p {
        LocationPrecision::Point => "point",
        LocationPrecision::Town => "town",
        LocationPrecision::District => "district",
        LocationPrecision::Province => "province",
        LocationPrecision::Country => "country",
    }
}

fn parse_precision(w: &str) -> Option<LocationPrecision> {
    LocationPrecision::ALL
        .into_iter()
        .find(|p| precision_word(*p).eq_ignore_ascii_case(w.trim()))
}

impl From<&ColumnMapping> for MappingDef {
    fn from(m: &ColumnMapping) -> Self {
        MappingDef {
            lon: m.lon.clone(),
            lat: m.lat.clone(),
            date: m.date.clone(),
            actor: m.actor.clone(),
            fatalities: m.fatalities.clone(),
            event_type: m.event_type.clone(),
            id: m.id.clone(),
            actor2: m.actor2.clone(),
            location: m.location.clone(),
            source: m.source.clone(),
            notes: m.notes.clone(),
            precision: m.precision.clone(),
            default_precision: precision_word(m.default_precision).into(),
        }
    }
}

impl MappingDef {
    /// Parse `lon=COL,lat=COL,date=COL,actor=COL[,fatalities=COL,…]` (the command line's
    /// form); an unknown key or a missing required one is an error naming it.
    pub fn parse_spec(spec: &str) -> Result<MappingDef, String> {
        let mut m = MappingDef::from(&ColumnMapping::default());
        let mut seen = Vec::new();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (k, v) = part
                .split_once('=')
                .ok_or_else(|| format!("mapping {part:?}: use KEY=COLUMN"))?;
            let (k, v) = (k.trim(), v.trim().to_owned());
            let opt = Some(v.clone());
            match k {
                "lon" => m.lon = v,
                "lat" => m.lat = v,
                "date" => m.date = v,
                "actor" => m.actor = v,
                "fatalities" => m.fatalities = opt,
                "event_type" => m.event_type = opt,
                "id" => m.id = opt,
                "actor2" => m.actor2 = opt,
                "location" => m.location = opt,
                "source" => m.source = opt,
                "notes" => m.notes = opt,
                "precision" => m.precision = opt,
                "default_precision" => m.default_precision = v,
                other => {
                    return Err(format!(
                        "mapping key {other:?}: use lon, lat, date, actor, fatalities, event_type, id, actor2, location, source, notes, precision or default_precision"
                    ));
                }
            }
            seen.push(k.to_owned());
        }
        for need in ["lon", "lat", "date", "actor"] {
            if !seen.iter().any(|s| s == need) {
                return Err(format!("mapping {spec:?} needs {need}=COLUMN"));
            }
        }
        m.to_mapping()?;
        Ok(m)
    }

    /// The importer's mapping; an unknown precision word is an error naming it.
    pub fn to_mapping(&self) -> Result<ColumnMapping, String> {
        let default_precision = parse_precision(&self.default_precision).ok_or_else(|| {
            format!(
                "default_precision {:?}: use point, town, district, province or country",
                self.default_precision
            )
        })?;
        Ok(ColumnMapping {
            lon: self.lon.clone(),
            lat: self.lat.clone(),
            date: self.date.clone(),
            actor: self.actor.clone(),
            fatalities: self.fatalities.clone(),
            event_type: self.event_type.clone(),
            id: self.id.clone(),
            actor2: self.actor2.clone(),
            location: self.location.clone(),
            source: self.source.clone(),
            notes: self.notes.clone(),
            precision: self.precision.clone(),
            default_precision,
        })
    }
}

impl IncidentFormat {
    /// The CSV reader's format (`geojson` is not a CSV format: `None`).
    pub fn csv_format(&self) -> Result<Option<CsvFormat>, String> {
        Ok(Some(match self.schema {
            SchemaDef::Auto => CsvFormat::Auto,
            SchemaDef::Acled => CsvFormat::Acled,
            SchemaDef::UcdpGed => CsvFormat::UcdpGed,
            SchemaDef::Gtd => CsvFormat::Gtd,
            SchemaDef::Generic => {
                let m = self
                    .mapping
                    .as_ref()
                    .ok_or("schema `generic` needs a `mapping`")?;
                CsvFormat::Generic(Box::new(m.to_mapping()?))
            }
            SchemaDef::Geojson => return Ok(None),
        }))
    }

    /// The GeoJSON property mapping (the default names when none is saved).
    pub fn geojson_mapping(&self) -> Result<ColumnMapping, String> {
        match &self.mapping {
            Some(m) => m.to_mapping(),
            None => Ok(ColumnMapping::default()),
        }
    }

    /// Saved form of an importer format.
    pub fn from_csv(f: &CsvFormat) -> Self {
        let (schema, mapping) = match f {
            CsvFormat::Auto => (SchemaDef::Auto, None),
            CsvFormat::Acled => (SchemaDef::Acled, None),
            CsvFormat::UcdpGed => (SchemaDef::UcdpGed, None),
            CsvFormat::Gtd => (SchemaDef::Gtd, None),
            CsvFormat::Generic(m) => (SchemaDef::Generic, Some(MappingDef::from(m.as_ref()))),
        };
        Self { schema, mapping }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mappings_round_trip_and_bad_precision_is_named() {
        let m = ColumnMapping::default();
        let d = MappingDef::from(&m);
        assert_eq!(d.to_mapping().expect("mapping"), m);
        let bad = MappingDef {
            default_precision: "village".into(),
            ..d
        };
        let e = bad.to_mapping().expect_err("bad");
        assert!(e.contains("\"village\""), "{e}");
    }

    #[test]
    fn mapping_specs_parse_and_name_what_is_wrong() {
        let m = MappingDef::parse_spec("lon=x, lat=y,date=when,actor=who,fatalities=killed")
            .expect("spec");
        assert_eq!(
            (m.lon.as_str(), m.lat.as_str(), m.date.as_str()),
            ("x", "y", "when")
        );
        assert_eq!(m.fatalities.as_deref(), Some("killed"));
        let e = MappingDef::parse_spec("lon=x,lat=y,date=d").expect_err("no actor");
        assert!(e.ends_with("needs actor=COLUMN"), "{e}");
        let e = MappingDef::parse_spec("lon=x,lat=y,date=d,actor=a,colour=c").expect_err("key");
        assert!(e.starts_with("mapping key \"colour\""), "{e}");
        assert!(MappingDef::parse_spec("lon").is_err());
    }

    #[test]
    fn generic_without_mapping_is_an_error() {
        let f = IncidentFormat {
            schema: SchemaDef::Generic,
            mapping: None,
        };
        assert_eq!(
            f.csv_format().expect_err("no mapping"),
            "schema `generic` needs a `mapping`"
        );
    }
}
