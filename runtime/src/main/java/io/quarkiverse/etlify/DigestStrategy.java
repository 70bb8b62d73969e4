package io.quarkiverse.etlify;

import java.util.Map;

/**
 * Computes the digest of a payload; equal digests mean "nothing to send". The default is SHA-256
 * over a canonical JSON rendering (keys sorted at every depth). Replace it with your own
 * {@code @ApplicationScoped} bean implementing this interface.
 */
public interface DigestStrategy {

    /** The digest of a payload, at most 64 characters. */
    String digest(Map<String, Object> payload);
}
