//! Where Patron may send webhooks. An owner types the endpoint's address, so without a guard
//! it could aim Patron's own requests at the server itself (`127.0.0.1`), the cloud's metadata
//! service (`169.254.169.254`) or the shop's private network. By default only public
//! addresses are reached: a name is resolved by [`PublicOnly`], which drops every address in a
//! blocked range (so a name that resolves to one — or is switched to one after it was added —
//! reaches nothing), and an address written as digits is checked before sending.
//! `--webhooks-to-private-networks` lets private and loopback ranges through, for a receiver
//! on the same network; link-local (metadata) addresses stay blocked whatever the setting.

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use std::net::{IpAddr, SocketAddr};

/// Why a delivery was not even tried, as the log shows it.
pub const REFUSED: &str =
    "refused: the address is on a private or reserved network (see --webhooks-to-private-networks)";

/// Whether Patron may connect to `ip`.
pub fn allowed(ip: IpAddr, private_too: bool) -> bool {
    let ip = match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    };
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            let link_local = v4.is_link_local();
            let private = v4.is_private() || v4.is_loopback() || (a == 100 && (64..128).contains(&b));
            let reserved = v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || a == 0
                || a >= 240;
            !link_local && !reserved && (private_too || !private)
        }
        IpAddr::V6(v6) => {
            let first = v6.segments()[0];
            let link_local = first & 0xffc0 == 0xfe80;
            let private = v6.is_loopback() || first & 0xfe00 == 0xfc00;
            let reserved = v6.is_unspecified() || v6.is_multicast();
            !link_local && !reserved && (private_too || !private)
        }
    }
}

/// Whether the URL's host is an address written as digits that Patron may not reach
/// (names are checked as they resolve).
pub fn literal_refused(url: &str, private_too: bool) -> bool {
    let Ok(url) = reqwest::Url::parse(url) else { return false };
    let host = url.host_str().unwrap_or_default().trim_start_matches('[').trim_end_matches(']');
    host.parse::<IpAddr>().is_ok_and(|ip| !allowed(ip, private_too))
}

/// A resolver that keeps only the addresses Patron may reach.
pub struct PublicOnly {
    pub private_too: bool,
}

impl Resolve for PublicOnly {
    fn resolve(&self, name: Name) -> Resolving {
        let private_too = self.private_too;
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let found: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let kept: Vec<SocketAddr> = found.into_iter().filter(|a| allowed(a.ip(), private_too)).collect();
            if kept.is_empty() {
                return Err(REFUSED.into());
            }
            Ok(Box::new(kept.into_iter()) as Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_private_and_metadata_addresses_are_refused_by_default() {
        for blocked in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.9",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "::1",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
            "100.64.0.1",
        ] {
            assert!(!allowed(blocked.parse().unwrap(), false), "{blocked}");
        }
        for open in ["93.184.216.34", "2606:2800:220:1::1"] {
            assert!(allowed(open.parse().unwrap(), false), "{open}");
        }
        // The setting lets private networks through, never the metadata service.
        assert!(allowed("127.0.0.1".parse().unwrap(), true));
        assert!(allowed("192.168.1.1".parse().unwrap(), true));
        assert!(!allowed("169.254.169.254".parse().unwrap(), true));
        assert!(literal_refused("http://169.254.169.254/latest/meta-data", true));
        assert!(literal_refused("http://[::1]:8080/hooks", false));
        assert!(!literal_refused("https://hooks.example/x", false));
    }
}
