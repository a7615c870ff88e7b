//! The address of the browser, when Patron runs behind reverse proxies it trusts.
//!
//! Behind a proxy every request comes from the proxy's address, so all visitors of a day
//! would hash to one. The proxy says who it forwarded for in `X-Forwarded-For`, but any
//! client can send that header too: it is believed only when the peer is a listed proxy,
//! and then read from the right, skipping further trusted proxies, because only the
//! entries our own proxies appended are true.

use axum::http::HeaderMap;
use ipnet::IpNet;
use std::net::IpAddr;
use std::str::FromStr;

/// A trusted proxy: one address (`10.0.0.5`) or a network (`10.0.0.0/8`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrustedProxy(IpNet);

#[derive(Debug, thiserror::Error)]
#[error("not an IP address or network (10.0.0.5, 10.0.0.0/8, ::1): {0}")]
pub struct BadProxy(String);

impl FromStr for TrustedProxy {
    type Err = BadProxy;

    fn from_str(s: &str) -> Result<Self, BadProxy> {
        let s = s.trim();
        s.parse::<IpNet>()
            .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
            .map(TrustedProxy)
            .map_err(|_| BadProxy(s.to_owned()))
    }
}

/// Whether `ip` is one of the trusted proxies.
pub fn trusted(ip: IpAddr, proxies: &[TrustedProxy]) -> bool {
    proxies.iter().any(|p| p.0.contains(&ip))
}

/// Puts the client's address on the request ([`app::server_ctx::ClientIp`]) for the
/// server functions that need it (sign-in throttling).
pub async fn tag(
    axum::extract::State(proxies): axum::extract::State<std::sync::Arc<Vec<TrustedProxy>>>,
    mut req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let peer = req.extensions().get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip());
    if let Some(peer) = peer {
        let ip = client_ip(peer, req.headers(), &proxies);
        req.extensions_mut().insert(app::server_ctx::ClientIp(ip));
    }
    next.run(req).await
}

/// The browser's address: the peer itself unless the peer is a trusted proxy.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, proxies: &[TrustedProxy]) -> IpAddr {
    if !trusted(peer, proxies) {
        return peer;
    }
    let forwarded = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|s| s.trim().parse::<IpAddr>().ok())
        .collect::<Vec<_>>();
    let mut client = peer;
    for hop in forwarded.into_iter().rev() {
        match hop {
            // A hop that is no address at all was written by someone we do not trust: stop
            // at the last address we could vouch for.
            None => break,
            Some(ip) => {
                client = ip;
                if !trusted(ip, proxies) {
                    break;
                }
            }
        }
    }
    client
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn forwarded(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", HeaderValue::from_str(v).unwrap());
        h
    }

    #[test]
    fn proxies_are_addresses_or_networks() {
        assert!("10.0.0.5".parse::<TrustedProxy>().is_ok());
        assert!(" 10.0.0.0/8".parse::<TrustedProxy>().is_ok());
        assert!("::1".parse::<TrustedProxy>().is_ok());
        assert!("proxy.local".parse::<TrustedProxy>().is_err());
    }

    #[test]
    fn the_header_counts_only_from_a_trusted_peer() {
        let proxies = ["127.0.0.1".parse().unwrap()];
        let h = forwarded("203.0.113.9");
        assert_eq!(client_ip(ip("198.51.100.1"), &h, &proxies), ip("198.51.100.1"), "an untrusted peer's claim");
        assert_eq!(client_ip(ip("127.0.0.1"), &h, &proxies), ip("203.0.113.9"));
        assert_eq!(client_ip(ip("127.0.0.1"), &HeaderMap::new(), &proxies), ip("127.0.0.1"), "no header: the proxy");
    }

    #[test]
    fn the_rightmost_untrusted_hop_is_the_client() {
        let proxies = ["10.0.0.0/8".parse().unwrap()];
        // The client claims to be 1.1.1.1; our proxies saw 203.0.113.9, then 10.1.1.1.
        let h = forwarded("1.1.1.1, 203.0.113.9, 10.1.1.1");
        assert_eq!(client_ip(ip("10.2.2.2"), &h, &proxies), ip("203.0.113.9"));
        let garbage = forwarded("1.1.1.1, nonsense, 10.1.1.1");
        assert_eq!(client_ip(ip("10.2.2.2"), &garbage, &proxies), ip("10.1.1.1"));
    }
}
