//! The client's address. Behind a TLS-terminating proxy every request's
//! TCP peer is the proxy, so the address the rejection registry, the blocks
//! and the sign-in records use comes from `Forwarded` (or, without it,
//! `X-Forwarded-For`), but only when the peer is one of the
//! `trusted_proxies`: walking the list of forwarding hops from the right,
//! the first address that is not itself a trusted proxy is the client. A
//! request from anyone else is taken at its TCP peer, whatever its headers
//! say.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use sqlx::types::ipnetwork::IpNetwork;

/// The proxies whose forwarding headers are believed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNetwork>);

impl TrustedProxies {
    pub fn new(networks: Vec<IpNetwork>) -> TrustedProxies {
        TrustedProxies(networks)
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|network| network.contains(ip))
    }

    /// The client of a request from `peer` with `headers`.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.trusts(peer) {
            return peer;
        }
        let hops = forwarded_for(headers);
        let mut client = peer;
        for hop in hops.iter().rev() {
            match hop {
                Some(ip) if self.trusts(*ip) => client = *ip,
                Some(ip) => return *ip,
                // A hop no proxy of ours wrote: stop at the last one we trust.
                None => return client,
            }
        }
        client
    }
}

/// The hops of `Forwarded` (`for=`), or else of `X-Forwarded-For`, left to
/// right; `None` for a hop that is not an IP address (`unknown`, an
/// obfuscated name).
fn forwarded_for(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let values = |name: &str| {
        headers
            .get_all(name)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .map(str::trim)
            .collect::<Vec<_>>()
    };
    let forwarded = values("forwarded");
    if !forwarded.is_empty() {
        return forwarded
            .into_iter()
            .map(|element| {
                element
                    .split(';')
                    .find_map(|pair| {
                        let (key, value) = pair.trim().split_once('=')?;
                        key.trim().eq_ignore_ascii_case("for").then_some(value)
                    })
                    .and_then(address)
            })
            .collect();
    }
    values("x-forwarded-for").into_iter().map(address).collect()
}

/// An address as a forwarding header writes it: `192.0.2.1`,
/// `192.0.2.1:4711`, `"[2001:db8::1]:4711"`, `2001:db8::1`.
fn address(text: &str) -> Option<IpAddr> {
    let text = text.trim().trim_matches('"');
    if let Ok(ip) = text.parse::<IpAddr>() {
        return Some(ip);
    }
    if let Ok(socket) = text.parse::<SocketAddr>() {
        return Some(socket.ip());
    }
    text.strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(ip, _)| ip.parse().ok())
}

/// The client's address, as the middleware worked it out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

/// Puts the [`ClientAddr`] on every request.
pub async fn attach(
    State(proxies): State<Arc<TrustedProxies>>,
    request: Request,
    next: Next,
) -> Response {
    // Through the extractor, which also reads the tests' MockConnectInfo.
    let (mut parts, body) = request.into_parts();
    if let Ok(ConnectInfo(peer)) =
        ConnectInfo::<SocketAddr>::from_request_parts(&mut parts, &()).await
    {
        let client = proxies.client(peer.ip(), &parts.headers);
        parts.extensions.insert(ClientAddr(client));
    }
    next.run(Request::from_parts(parts, body)).await
}

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = StatusCode;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, StatusCode> {
        parts
            .extensions
            .get::<ClientAddr>()
            .copied()
            .ok_or_else(|| {
                tracing::error!("the client address middleware did not run");
                StatusCode::INTERNAL_SERVER_ERROR
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proxies(list: &[&str]) -> TrustedProxies {
        TrustedProxies::new(list.iter().map(|net| net.parse().unwrap()).collect())
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, value.parse().unwrap());
        }
        map
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_claims() {
        let claims = headers(&[("x-forwarded-for", "198.51.100.7")]);
        assert_eq!(
            proxies(&[]).client(ip("203.0.113.9"), &claims),
            ip("203.0.113.9")
        );
        assert_eq!(
            proxies(&["10.0.0.0/8"]).client(ip("203.0.113.9"), &claims),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn behind_trusted_proxies_the_rightmost_untrusted_hop_is_the_client() {
        let trusted = proxies(&["10.0.0.0/8", "192.0.2.10"]);
        let peer = ip("192.0.2.10");
        // The client put a false address first; the proxy appended the real one.
        let spoofed = headers(&[("x-forwarded-for", "6.6.6.6, 198.51.100.7, 10.1.2.3")]);
        assert_eq!(trusted.client(peer, &spoofed), ip("198.51.100.7"));
        // No header: the proxy itself.
        assert_eq!(trusted.client(peer, &HeaderMap::new()), peer);
        // Every hop trusted: the leftmost.
        let internal = headers(&[("x-forwarded-for", "10.9.9.9, 10.1.2.3")]);
        assert_eq!(trusted.client(peer, &internal), ip("10.9.9.9"));
        // Two header lines read as one list.
        let split = headers(&[
            ("x-forwarded-for", "198.51.100.7"),
            ("x-forwarded-for", "10.1.2.3"),
        ]);
        assert_eq!(trusted.client(peer, &split), ip("198.51.100.7"));
    }

    #[test]
    fn forwarded_wins_and_reads_ports_quotes_and_ipv6() {
        let trusted = proxies(&["192.0.2.10/32"]);
        let peer = ip("192.0.2.10");
        let both = headers(&[
            ("forwarded", "for=\"[2001:db8:cafe::17]:4711\";proto=https"),
            ("x-forwarded-for", "198.51.100.7"),
        ]);
        assert_eq!(trusted.client(peer, &both), ip("2001:db8:cafe::17"));
        let with_port = headers(&[("forwarded", "for=192.0.2.60:8080, For=198.51.100.8")]);
        assert_eq!(trusted.client(peer, &with_port), ip("198.51.100.8"));
        let unknown = headers(&[("forwarded", "for=unknown")]);
        assert_eq!(trusted.client(peer, &unknown), peer);
    }
}
