//! TLS for online tiles: rustls with the `ring` provider (already built for certificate
//! checks) and the platform's certificate verifier, handed to walkers' HTTP client (walkers
//! is built without a TLS provider of its own).

use std::sync::Arc;

use rustls_platform_verifier::BuilderVerifierExt;

/// A client configuration for https tile servers.
pub fn client_config() -> Result<rustls::ClientConfig, String> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_platform_verifier()
        .map_err(|e| e.to_string())?
        .with_no_client_auth();
    Ok(config)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_config_builds_without_touching_the_network() {
        let c = super::client_config().expect("TLS config");
        assert!(c.alpn_protocols.is_empty());
    }
}
