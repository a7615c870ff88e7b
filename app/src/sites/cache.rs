//! The sites the widget gate looked up, kept for a second. Every widget request names its
//! site, and reading it (its origins, widgets, languages and address modes) was a trip to
//! a database connection's thread for each: a sixth of a signup's time under load. A site
//! changed through this server's admin or API is forgotten as soon as that request is
//! done ([`SiteCache::forget_all`]); a change made elsewhere (another server on the same
//! PostgreSQL, the command line) is seen within [`FRESH`].

use super::Site;
use crate::db::Db;
use crate::domain::SiteKey;
use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// How long a site read is used before it is read again.
pub const FRESH: Duration = Duration::from_secs(1);

/// Sites by key, each with when it was read. Only sites that exist are kept, so the map
/// grows with the shop's sites, not with the keys a script makes up.
#[derive(Default)]
pub struct SiteCache {
    sites: Mutex<HashMap<SiteKey, (Instant, Site)>>,
    /// Counts the forgets: a read that began before one is not kept.
    forgotten: AtomicU64,
}

impl SiteCache {
    /// The site with this key, as read within [`FRESH`], else read now.
    pub async fn find(&self, pool: &Db, key: &SiteKey) -> sqlx::Result<Option<Site>> {
        if let Some((read, site)) = self.lock().get(key)
            && read.elapsed() < FRESH
        {
            return Ok(Some(site.clone()));
        }
        let before = self.forgotten.load(Ordering::Acquire);
        let found = super::db::find_by_key(pool, key).await?;
        if let Some(site) = &found {
            let mut sites = self.lock();
            if self.forgotten.load(Ordering::Acquire) == before {
                sites.insert(key.clone(), (Instant::now(), site.clone()));
            }
        }
        Ok(found)
    }

    /// Forgets every site: one may have changed.
    pub fn forget_all(&self) {
        let mut sites = self.lock();
        self.forgotten.fetch_add(1, Ordering::AcqRel);
        sites.clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<SiteKey, (Instant, Site)>> {
        // A panic while holding it left a map that is still a map.
        self.sites.lock().unwrap_or_else(|e| e.into_inner())
    }
}
