//! Known alternative spellings of admin units and towns, and source-name corrections.

/// Source typos to correct: (source spelling, correct name). The source spelling is kept
/// as an alias so that it still resolves.
pub const CORRECTIONS: &[(&str, &str)] = &[("Ghanzi", "Ghazni")];

/// Variant spellings by canonical name (country-agnostic; applied to provinces, districts
/// and towns whose name matches). Sources: GeoNames admin names, common transliterations
/// in English-language reporting.
pub const VARIANTS: &[(&str, &[&str])] = &[
    ("Kunar", &["Konar"]),
    ("Khost", &["Khowst"]),
    ("Khost (Matun)", &["Matun", "Khost Matun"]),
    ("Nangarhar", &["Ningarhar", "Nangrahar", "Nengarhar"]),
    ("Chagai", &["Chaghi"]),
    ("Paktika", &["Paktica", "Paktyka"]),
    ("Paktia", &["Paktiya", "Paktya"]),
    ("Ghazni", &["Ghaznī"]),
    ("Helmand", &["Hilmand"]),
    ("Uruzgan", &["Oruzgan", "Urozgan", "Orūzgān"]),
    ("Daykundi", &["Daikundi", "Dai Kundi"]),
    ("Nimruz", &["Nimroz", "Nīmrūz"]),
    ("Wardak", &["Maidan Wardak", "Maydan Wardak", "Vardak"]),
    ("Jowzjan", &["Jawzjan", "Jozjan"]),
    ("Sar-e Pol", &["Sar-e Pul", "Sari Pul", "Sar-i-Pul"]),
    ("Herat", &["Hirat"]),
    ("Kandahar", &["Qandahar", "Kandahār"]),
    ("Badghis", &["Badghes"]),
    ("Panjshir", &["Panjsher", "Panjshayr"]),
    ("Bamyan", &["Bamiyan", "Bamian"]),
    ("Baghlan", &["Baghlān"]),
    ("Laghman", &["Laghmān"]),
    ("Nuristan", &["Nurestan", "Nooristan"]),
    ("Faryab", &["Fāryāb"]),
    ("Zabul", &["Zabol"]),
    ("Kapisa", &["Kāpīsā"]),
    (
        "Khyber Pakhtunkhwa",
        &[
            "KPK",
            "KP",
            "NWFP",
            "North-West Frontier Province",
            "Khyber-Pakhtunkhwa",
        ],
    ),
    ("Balochistan", &["Baluchistan", "Balochistān"]),
    ("Gilgit-Baltistan", &["Northern Areas", "Gilgit Baltistan"]),
    (
        "Azad Kashmir",
        &["Azad Jammu and Kashmir", "AJK", "Azad Jammu & Kashmir"],
    ),
    ("Islamabad Capital Territory", &["Islamabad", "ICT"]),
    ("Qilla Abdullah", &["Killa Abdullah", "Qila Abdullah"]),
    ("Qilla Saifullah", &["Killa Saifullah", "Qila Saifullah"]),
    ("Dera Ismail Khan", &["D.I. Khan", "DI Khan"]),
    ("Dera Ghazi Khan", &["D.G. Khan", "DG Khan"]),
    (
        "North Waziristan",
        &["N. Waziristan", "North Waziristan Agency"],
    ),
    (
        "South Waziristan",
        &["S. Waziristan", "South Waziristan Agency"],
    ),
    ("Kachhi", &["Bolan"]),
    ("Lasbela", &["Las Bela"]),
    ("Kech", &["Kech (Turbat)"]),
    ("Dalbandin", &["Dalbandīn"]),
    ("Miram Shah", &["Miran Shah", "Miranshah", "Miramshah"]),
];

/// The canonical name for a source spelling (applies [`CORRECTIONS`]).
pub fn corrected(name: &str) -> (String, Option<String>) {
    for (wrong, right) in CORRECTIONS {
        if name == *wrong {
            return ((*right).to_owned(), Some((*wrong).to_owned()));
        }
    }
    (name.to_owned(), None)
}

/// Variants known for a canonical name.
pub fn variants(name: &str) -> Vec<String> {
    let key = crate::names::normalize(name);
    VARIANTS
        .iter()
        .filter(|(n, _)| crate::names::normalize(n) == key)
        .flat_map(|(_, v)| v.iter().map(|s| (*s).to_owned()))
        .collect()
}
