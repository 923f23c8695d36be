//! Extraction over texts longer than one fold chunk (1 MiB): the text is folded a chunk of
//! whole sentences at a time, and the result equals the extraction of each copy on its own,
//! shifted by its offset.

use atlas_core::data::{bundled_data_dir, load_gazetteer};
use atlas_core::report::{Extractor, GROUPS_FILE, GroupDictionary};

#[test]
fn a_long_text_finds_each_copys_mentions_at_its_offsets() {
    let dir = bundled_data_dir();
    let (g, _) = load_gazetteer(&dir);
    let (groups, _) = GroupDictionary::load(&dir.join("report").join(GROUPS_FILE));
    let ex = Extractor::new(&g, &groups);
    let one = std::fs::read_to_string(dir.join("report/source-report.txt")).expect("report");
    let one = format!("{}\n\n", one.trim_end());
    let copies = (3 << 20) / one.len() + 1;
    let long = one.repeat(copies);
    assert!(long.len() > 3 << 20, "three chunks at least");
    let single = ex.extract(&one);
    let all = ex.extract(&long);
    assert_eq!(all.sentences.len(), single.sentences.len() * copies);
    assert_eq!(all.places.len(), single.places.len());
    for p in &single.places {
        let q = all
            .place(&p.id)
            .unwrap_or_else(|| panic!("{} missing", p.name));
        assert_eq!(q.mentions.len(), p.mentions.len() * copies, "{}", p.name);
        for (k, m) in q.mentions.iter().enumerate() {
            let (copy, i) = (k / p.mentions.len(), k % p.mentions.len());
            let base = &p.mentions[i];
            assert_eq!(m.start, base.start + copy * one.len(), "{} #{k}", p.name);
            assert_eq!(m.end, base.end + copy * one.len(), "{} #{k}", p.name);
        }
    }
    for gm in &single.groups {
        let q = all.group(&gm.id).expect("group");
        assert_eq!(q.mentions.len(), gm.mentions.len() * copies, "{}", gm.name);
    }
}
