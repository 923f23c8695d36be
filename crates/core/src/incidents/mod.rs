//! Incident data: model, importers (ACLED, UCDP GED, GTD, generic CSV, GeoJSON) and the synthetic demo scenario.
