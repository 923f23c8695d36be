//! The disk cache of online tiles (walkers' HTTP cache, a `cacache` store): where it lives,
//! how big it may grow, and clearing it.

use std::collections::HashMap;
use std::path::PathBuf;

/// Default size limit of the tile cache.
pub const DEFAULT_CACHE_LIMIT: u64 = 256 << 20;

/// An online-tile cache directory and its size limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TileCache {
    pub dir: PathBuf,
    pub max_bytes: u64,
}

impl TileCache {
    pub fn new(dir: PathBuf, max_bytes: u64) -> Self {
        Self { dir, max_bytes }
    }

    /// `<platform cache dir>/frontier-atlas/tiles` (e.g. `~/.cache/frontier-atlas/tiles` on
    /// Linux), limited to [`DEFAULT_CACHE_LIMIT`]; `None` where the platform has none.
    pub fn platform_default() -> Option<Self> {
        let dir = dirs::cache_dir()?.join("frontier-atlas").join("tiles");
        Some(Self::new(dir, DEFAULT_CACHE_LIMIT))
    }

    /// Bytes of cached responses.
    pub fn size(&self) -> u64 {
        self.entries().iter().map(|m| self.entry_bytes(m)).sum()
    }

    /// An entry's size: recorded in the index by async writes; otherwise the size of its
    /// content file (`content-v2/<algo>/<hex[..2]>/<hex[2..4]>/<hex[4..]>`).
    fn entry_bytes(&self, m: &cacache::Metadata) -> u64 {
        if m.size > 0 {
            return m.size as u64;
        }
        let (algo, hex) = m.integrity.to_hex();
        if hex.len() < 5 {
            return 0;
        }
        let path = self
            .dir
            .join("content-v2")
            .join(algo.to_string())
            .join(&hex[..2])
            .join(&hex[2..4])
            .join(&hex[4..]);
        std::fs::metadata(path).map_or(0, |f| f.len())
    }

    /// Cached responses.
    pub fn len(&self) -> usize {
        self.entries().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn entries(&self) -> Vec<cacache::Metadata> {
        if !self.dir.is_dir() {
            return Vec::new();
        }
        cacache::list_sync(&self.dir)
            .filter_map(Result::ok)
            .collect()
    }

    /// Drop the oldest responses until the cache holds at most 3/4 of its limit. Returns how
    /// many were dropped.
    pub fn trim(&self) -> Result<usize, String> {
        let mut entries = self.entries();
        let sizes: HashMap<String, u64> = entries
            .iter()
            .map(|m| (m.key.clone(), self.entry_bytes(m)))
            .collect();
        let mut size: u64 = sizes.values().sum();
        if size <= self.max_bytes {
            return Ok(0);
        }
        let target = self.max_bytes / 4 * 3;
        entries.sort_by_key(|m| m.time);
        // Identical bodies share content: only drop content no kept entry refers to.
        let mut refs: HashMap<String, usize> = HashMap::new();
        for m in &entries {
            *refs.entry(m.integrity.to_string()).or_default() += 1;
        }
        let mut dropped = 0;
        for m in &entries {
            if size <= target {
                break;
            }
            cacache::remove_sync(&self.dir, &m.key).map_err(|e| self.fail(e))?;
            let r = refs.entry(m.integrity.to_string()).or_default();
            *r = r.saturating_sub(1);
            if *r == 0 {
                cacache::remove_hash_sync(&self.dir, &m.integrity).map_err(|e| self.fail(e))?;
            }
            size = size.saturating_sub(sizes.get(&m.key).copied().unwrap_or(0));
            dropped += 1;
        }
        Ok(dropped)
    }

    /// Remove every cached tile.
    pub fn clear(&self) -> Result<(), String> {
        if !self.dir.is_dir() {
            return Ok(());
        }
        cacache::clear_sync(&self.dir).map_err(|e| self.fail(e))
    }

    fn fail(&self, e: cacache::Error) -> String {
        format!("tile cache {}: {e}", self.dir.display())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_oldest_first_and_clears() {
        let d = tempfile::tempdir().unwrap();
        let cache = TileCache::new(d.path().join("tiles"), 1000);
        for i in 0..10u8 {
            // 200-byte bodies, each distinct; one pair identical.
            let body = vec![if i == 9 { 0 } else { i }; 200];
            cacache::write_sync(&cache.dir, format!("k{i}"), body).unwrap();
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert_eq!(cache.size(), 2000);
        assert_eq!(cache.trim().unwrap(), 7);
        assert_eq!(cache.size(), 600);
        // Newest kept, including k9 whose body is the same as the dropped k0.
        assert_eq!(cacache::read_sync(&cache.dir, "k9").unwrap(), vec![0; 200]);
        assert!(cacache::read_sync(&cache.dir, "k0").is_err());
        assert_eq!(cache.trim().unwrap(), 0);
        cache.clear().unwrap();
        assert!(cache.is_empty());
    }
}
