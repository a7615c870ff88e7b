//! Sign-in throttling. Failed sign-ins are counted per account (the email typed, known or
//! not) and per network (the client's address; IPv6 by its /64, which one household holds
//! whole) over a quarter of an hour; past the limit the sign-in is refused before argon2
//! is asked, so guessing costs the server almost nothing. The counts live in the database
//! (`login_failures`) so every Patron server sees them.

use crate::domain::iso_timestamp;
use crate::error::AppError;
use sqlx::SqlitePool;
use std::net::IpAddr;

const WINDOW_SECONDS: i64 = 15 * 60;
/// Failures per account in the window: a person mistyping does not get there.
pub const PER_ACCOUNT: i64 = 5;
/// Failures per network in the window: a shop's staff behind one address mistyping
/// together does not get there either.
pub const PER_NETWORK: i64 = 30;

/// One sign-in attempt, as the throttle knows it: hashes only.
pub struct Attempt {
    account: String,
    network: String,
}

impl Attempt {
    /// `email` as typed, already trimmed and lower-cased; `ip` the client's address.
    pub fn new(email: &str, ip: Option<IpAddr>) -> Attempt {
        let network = match ip {
            Some(IpAddr::V6(v6)) if v6.to_ipv4_mapped().is_none() => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
            Some(IpAddr::V6(v6)) => v6.to_ipv4_mapped().map(|v4| v4.to_string()).unwrap_or_default(),
            Some(IpAddr::V4(v4)) => v4.to_string(),
            None => "unknown".into(),
        };
        Attempt { account: crate::tokens::hash(email), network: crate::tokens::hash(&network) }
    }

    /// Refuses when the account or the network failed too often lately.
    pub async fn allowed(&self, pool: &SqlitePool, now: i64) -> Result<(), AppError> {
        let since = iso_timestamp(now - WINDOW_SECONDS);
        let (account, network) = super::db::recent_failures(pool, &self.account, &self.network, &since).await?;
        if account >= PER_ACCOUNT || network >= PER_NETWORK {
            tracing::warn!(
                account_failures = account,
                network_failures = network,
                "sign-in refused: too many failures"
            );
            return Err(AppError::TooManyAttempts);
        }
        Ok(())
    }

    pub async fn failed(&self, pool: &SqlitePool, now: i64) -> Result<(), AppError> {
        Ok(super::db::record_failure(pool, &self.account, &self.network, &iso_timestamp(now - WINDOW_SECONDS)).await?)
    }

    pub async fn succeeded(&self, pool: &SqlitePool) -> Result<(), AppError> {
        Ok(super::db::clear_failures(pool, &self.account).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ipv6_household_is_one_network_and_addresses_are_not_kept() {
        let a = Attempt::new("x@example.com", "2001:db8:1:2:aaaa::1".parse().ok());
        let b = Attempt::new("x@example.com", "2001:db8:1:2:bbbb::9".parse().ok());
        let c = Attempt::new("x@example.com", "2001:db8:1:3::1".parse().ok());
        assert_eq!(a.network, b.network);
        assert_ne!(a.network, c.network);
        let v4 = Attempt::new("x@example.com", "192.0.2.7".parse().ok());
        let mapped = Attempt::new("x@example.com", "::ffff:192.0.2.7".parse().ok());
        assert_eq!(v4.network, mapped.network);
        assert_eq!(v4.account.len(), 64);
        assert!(!v4.account.contains("example"));
    }
}
