package io.quarkiverse.etlify.runtime.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class Sha256JsonDigestTest {

    private final Sha256JsonDigest digest = new Sha256JsonDigest();

    @Test
    void isTheSha256OfTheCanonicalJson() {
        // sha256("{\"a\":1}")
        assertThat(digest.digest(Map.of("a", 1)))
                .isEqualTo("015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862");
    }

    @Test
    void insertionOrderAndNumberTypesDoNotChangeIt() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("email", "ada@example.com");
        first.put("amount", 10);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("amount", 10.00d);
        second.put("email", "ada@example.com");

        assertThat(digest.digest(first)).isEqualTo(digest.digest(second)).hasSize(64);
        assertThat(digest.digest(Map.of("email", "bob@example.com"))).isNotEqualTo(digest.digest(first));
    }
}
