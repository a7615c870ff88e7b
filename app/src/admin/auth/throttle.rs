//! Sign-in throttling. Every attempt is counted *before* the password is checked, in one
//! writing transaction that counts and records together (one writer at a time on either
//! database), so a burst of parallel guesses cannot all pass the check before any is
//! counted; an attempt whose password was right is taken back.
//!
//! Counted over a quarter of an hour, by hashes only (`login_failures`, in the database so
//! every Patron server sees them):
//! - per account and network together ([`PER_ACCOUNT_AND_NETWORK`]): a person mistyping
//!   does not get there, a guesser does;
//! - per network ([`PER_NETWORK`]; an IPv4 address, an IPv6 /64, which one household holds
//!   whole): one network guessing many accounts;
//! - per account from everywhere ([`PER_ACCOUNT`]): many networks guessing one account. This
//!   one does not apply to a browser the account signed in on before (its device cookie,
//!   `staff_devices`), so strangers who use it up slow the guessing down without locking the
//!   account's owner out.
//!
//! Past a limit the sign-in is refused before argon2 is asked, so guessing costs the server
//! almost nothing; nothing is refused for longer than the window.

use crate::db::Db;
use crate::domain::iso_timestamp;
use crate::error::AppError;
use std::net::IpAddr;

const WINDOW_SECONDS: i64 = 15 * 60;
/// Attempts per account from one network in the window.
pub const PER_ACCOUNT_AND_NETWORK: i64 = 5;
/// Attempts per network in the window: a shop's staff behind one address mistyping together
/// does not get there.
pub const PER_NETWORK: i64 = 30;
/// Attempts per account from all networks in the window, for browsers it never signed in on.
pub const PER_ACCOUNT: i64 = 20;

/// One sign-in attempt, as the throttle knows it: hashes only.
pub struct Attempt {
    account: String,
    network: String,
}

impl Attempt {
    /// `email` as typed, already trimmed and lower-cased; `ip` the client's address.
    pub fn new(email: &str, ip: Option<IpAddr>) -> Attempt {
        Attempt { account: crate::tokens::hash(email), network: network_key(ip) }
    }

    /// Counts the attempt, or refuses it when the limits are reached. `known_device`: this
    /// browser signed in to this account before.
    pub async fn count(&self, pool: &Db, now: i64, known_device: bool) -> Result<(), AppError> {
        let since = iso_timestamp(now - WINDOW_SECONDS);
        let row = super::db::count_attempt(
            pool,
            &self.account,
            &self.network,
            &since,
            [PER_ACCOUNT_AND_NETWORK, PER_NETWORK, if known_device { i64::MAX } else { PER_ACCOUNT }],
        )
        .await?;
        match row {
            Some(_) => Ok(()),
            None => {
                tracing::warn!(known_device, "sign-in refused: too many attempts");
                Err(AppError::TooManyAttempts)
            }
        }
    }

    /// The password was right: the attempt is taken back and the account's failures from this
    /// network forgotten.
    pub async fn succeeded(&self, pool: &Db) -> Result<(), AppError> {
        Ok(super::db::clear_failures(pool, &self.account, &self.network).await?)
    }
}

/// A client's network as counters keep it: the SHA-256 of its IPv4 address or IPv6 /64.
pub fn network_key(ip: Option<IpAddr>) -> String {
    let network = match ip {
        Some(IpAddr::V6(v6)) if v6.to_ipv4_mapped().is_none() => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        Some(IpAddr::V6(v6)) => v6.to_ipv4_mapped().map(|v4| v4.to_string()).unwrap_or_default(),
        Some(IpAddr::V4(v4)) => v4.to_string(),
        None => "unknown".into(),
    };
    crate::tokens::hash(&network)
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
