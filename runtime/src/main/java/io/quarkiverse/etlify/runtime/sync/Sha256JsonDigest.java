package io.quarkiverse.etlify.runtime.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.etlify.DigestStrategy;
import io.quarkus.arc.DefaultBean;

/** The default digest: SHA-256 (hex) of the payload's {@link CanonicalJson canonical JSON}. */
@DefaultBean
@ApplicationScoped
class Sha256JsonDigest implements DigestStrategy {

    @Override
    public String digest(Map<String, Object> payload) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(CanonicalJson.render(payload).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
