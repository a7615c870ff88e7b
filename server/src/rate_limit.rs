//! Rate limits on the public endpoints, per site and client network (an IPv4 address, an
//! IPv6 /64): widget calls (signups, reservations, answers) and analytics events. A script
//! hammering a shop's signup form or tracker gets 429 instead of filling the database.
//!
//! The counts live in this server's memory, not the database: checking them must cost no
//! write per page view. With several servers behind a balancer each enforces the limit on
//! its own share, so a client gets at most N times the limit — a bound, not an exact count,
//! which is what flood protection needs. Nothing else depends on them.

use governor::{DefaultKeyedRateLimiter, Quota};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

/// Who is counted: a site and a client network.
type Key = (i64, u128);

/// A per-minute limit per site and network; `None` when switched off (0).
#[derive(Clone)]
pub struct Limit(Option<Arc<DefaultKeyedRateLimiter<Key>>>);

impl Limit {
    /// `per_minute` requests a minute, all of them at once if they come at once (then one
    /// every 60/`per_minute` seconds); 0: no limit.
    pub fn per_minute(per_minute: u32) -> Limit {
        Limit(NonZeroU32::new(per_minute).map(|n| Arc::new(DefaultKeyedRateLimiter::keyed(Quota::per_minute(n)))))
    }

    /// Counts one request of `site` from `ip`; `false` when it is over the limit.
    pub fn allows(&self, site: i64, ip: Option<IpAddr>) -> bool {
        match &self.0 {
            None => true,
            Some(limiter) => limiter.check_key(&(site, network(ip))).is_ok(),
        }
    }

    /// Counts `n` more requests at once (the further events of one request); `false` when
    /// they would go over the limit, and then none is counted.
    pub fn allows_n(&self, site: i64, ip: Option<IpAddr>, n: usize) -> bool {
        let Some(limiter) = &self.0 else { return true };
        let Some(n) = u32::try_from(n).ok().and_then(NonZeroU32::new) else { return true };
        matches!(limiter.check_key_n(&(site, network(ip)), n), Ok(Ok(())))
    }

    /// Forgets, every minute, the clients whose allowance is full again, so the memory
    /// holds only the recently active.
    pub fn start_forgetting(&self) {
        let Some(limiter) = self.0.clone() else { return };
        tokio::spawn(async move {
            let mut every = tokio::time::interval(Duration::from_secs(60));
            loop {
                every.tick().await;
                limiter.retain_recent();
                limiter.shrink_to_fit();
            }
        });
    }
}

/// The network a client address counts as: IPv4 (and IPv4-mapped) addresses alone, IPv6
/// by its /64, which one household or phone holds whole. Unknown: one shared bucket.
fn network(ip: Option<IpAddr>) -> u128 {
    match ip {
        Some(IpAddr::V4(v4)) => u128::from(u32::from(v4)),
        Some(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => u128::from(u32::from(v4)),
            None => u128::from(v6) & !((1u128 << 64) - 1),
        },
        None => u128::MAX,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_network_gets_its_allowance_per_site_and_no_more() {
        let limit = Limit::per_minute(3);
        let home: IpAddr = "2001:db8:1:2::10".parse().unwrap();
        let same_home: IpAddr = "2001:db8:1:2:ffff::1".parse().unwrap();
        let elsewhere: IpAddr = "2001:db8:1:3::10".parse().unwrap();
        assert!((0..3).all(|_| limit.allows(1, Some(home))));
        assert!(!limit.allows(1, Some(same_home)), "the same /64 shares the allowance");
        assert!(limit.allows(1, Some(elsewhere)), "another /64 has its own");
        assert!(limit.allows(2, Some(home)), "another site has its own");
        let v4: IpAddr = "192.0.2.7".parse().unwrap();
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert!((0..3).all(|_| limit.allows(1, Some(v4))));
        assert!(!limit.allows(1, Some(mapped)), "an IPv4-mapped address is the IPv4 address");
    }

    #[test]
    fn zero_switches_the_limit_off() {
        let off = Limit::per_minute(0);
        assert!((0..10_000).all(|_| off.allows(1, None)));
    }
}
