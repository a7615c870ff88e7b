//! A web origin (`scheme://host[:port]`), the unit a site allows to embed its widgets.

/// An origin as browsers send it in the `Origin` header: lower case, no path, no trailing
/// slash, default ports omitted. Parsing a configured value into this form is what makes
/// the comparison with the header a plain string equality.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("an origin is http:// or https:// followed by a host and an optional port, nothing else")]
pub struct BadOrigin;

impl Origin {
    pub fn parse(raw: &str) -> Result<Origin, BadOrigin> {
        let s = raw.trim().trim_end_matches('/').to_ascii_lowercase();
        let (scheme, authority) = s.split_once("://").ok_or(BadOrigin)?;
        let default_port = match scheme {
            "http" => ":80",
            "https" => ":443",
            _ => return Err(BadOrigin),
        };
        let authority = authority.strip_suffix(default_port).unwrap_or(authority);
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) if !h.ends_with(']') || authority.starts_with('[') => (h, Some(p)),
            _ => (authority, None),
        };
        let host_ok = !host.is_empty()
            && host.len() <= 253
            && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '[' | ']' | ':'));
        let port_ok = port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
        if !host_ok || !port_ok {
            return Err(BadOrigin);
        }
        Ok(Origin(format!("{scheme}://{authority}")))
    }

    /// `host[:port]`, as the `Host` header of a request to this origin carries it.
    pub fn authority(&self) -> &str {
        self.0.split_once("://").map(|(_, a)| a).unwrap_or("")
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_normalised_like_the_browser_header() {
        assert_eq!(Origin::parse("https://Shop.Example.com/").unwrap().as_str(), "https://shop.example.com");
        assert_eq!(Origin::parse("https://shop.example:443").unwrap().as_str(), "https://shop.example");
        assert_eq!(Origin::parse("http://127.0.0.1:4001").unwrap().as_str(), "http://127.0.0.1:4001");
        assert_eq!(Origin::parse("http://localhost:80").unwrap().authority(), "localhost");
    }

    #[test]
    fn anything_but_an_origin_is_refused() {
        for bad in [
            "shop.example",
            "ftp://shop.example",
            "https://",
            "https://shop.example/path",
            "https://shop.example:99999x",
            "https://sh op.example",
            "null",
        ] {
            assert!(Origin::parse(bad).is_err(), "{bad:?}");
        }
    }
}
