package io.quarkiverse.etlify.runtime.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void keysAreSortedAtEveryDepth() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", 1);
        nested.put("a", 2);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("b", nested);
        payload.put("a", List.of(Map.of("y", true, "x", false)));

        assertThat(CanonicalJson.render(payload)).isEqualTo("{\"a\":[{\"x\":false,\"y\":true}],\"b\":{\"a\":2,\"z\":1}}");
    }

    @Test
    void equalNumbersRenderAlike() {
        for (Object one : List.of(1, 1L, 1.0d, 1.0f, new BigDecimal("1.00"), (short) 1)) {
            assertThat(CanonicalJson.render(Map.of("n", one))).isEqualTo("{\"n\":1}");
        }
        assertThat(CanonicalJson.render(Map.of("n", new BigDecimal("1234.50")))).isEqualTo("{\"n\":1234.5}");
        assertThat(CanonicalJson.render(Map.of("n", 1e20))).isEqualTo("{\"n\":100000000000000000000}");
        assertThat(CanonicalJson.render(Map.of("n", -0.0d))).isEqualTo("{\"n\":0}");
        assertThat(CanonicalJson.render(Map.of("n", 0.1d))).isEqualTo("{\"n\":0.1}");
    }

    @Test
    void datesRenderAsIsoInstantsWhateverTheirType() {
        Instant instant = Instant.parse("2026-03-01T10:15:30Z");
        String expected = "{\"at\":\"2026-03-01T10:15:30Z\"}";
        assertThat(CanonicalJson.render(Map.of("at", instant))).isEqualTo(expected);
        assertThat(CanonicalJson.render(Map.of("at", Date.from(instant)))).isEqualTo(expected);
        assertThat(CanonicalJson.render(Map.of("at", instant.atOffset(ZoneOffset.ofHours(2))))).isEqualTo(expected);
        assertThat(CanonicalJson.render(Map.of("at", OffsetDateTime.parse("2026-03-01T12:15:30+02:00")))).isEqualTo(expected);
        assertThat(CanonicalJson.render(Map.of("day", LocalDate.of(2026, 3, 1)))).isEqualTo("{\"day\":\"2026-03-01\"}");
    }

    @Test
    void nullsBooleansEnumsAndStringsAreStable() {
        Map<String, Object> payload = new HashMap<>();
        payload.put("none", null);
        payload.put("yes", Boolean.TRUE);
        payload.put("unit", java.util.concurrent.TimeUnit.SECONDS);
        payload.put("quote", "say \"hi\"\n");
        payload.put("array", new Object[] { 1, "a" });

        assertThat(CanonicalJson.render(payload)).isEqualTo(
                "{\"array\":[1,\"a\"],\"none\":null,\"quote\":\"say \\\"hi\\\"\\n\",\"unit\":\"SECONDS\",\"yes\":true}");
        assertThat(CanonicalJson.render(Map.of("list", Arrays.asList(null, 2)))).isEqualTo("{\"list\":[null,2]}");
    }
}
