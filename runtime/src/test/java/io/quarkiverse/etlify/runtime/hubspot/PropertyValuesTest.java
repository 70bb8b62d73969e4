package io.quarkiverse.etlify.runtime.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.adapter.CrmValidationException;

class PropertyValuesTest {

    private static final long MILLIS = Instant.parse("2026-03-04T05:06:07.089Z").toEpochMilli();

    @Test
    void numbersArePlainAndBooleansLowerCase() {
        assertThat(PropertyValues.render(42)).isEqualTo("42");
        assertThat(PropertyValues.render(-7L)).isEqualTo("-7");
        assertThat(PropertyValues.render(new BigInteger("123456789012345678901234567890")))
                .isEqualTo("123456789012345678901234567890");
        assertThat(PropertyValues.render(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(PropertyValues.render(new BigDecimal("0.000001"))).isEqualTo("0.000001");
        assertThat(PropertyValues.render(1.0e-7d)).isEqualTo("0.0000001");
        assertThat(PropertyValues.render(2.5f)).isEqualTo("2.5");
        assertThat(PropertyValues.render(3.0d)).isEqualTo("3");
        assertThat(PropertyValues.render(true)).isEqualTo("true");
        assertThat(PropertyValues.render(Boolean.FALSE)).isEqualTo("false");
    }

    @Test
    void instantsAndDateTimesAreEpochMillisAndDatesMidnightUtc() {
        Instant instant = Instant.ofEpochMilli(MILLIS);
        assertThat(PropertyValues.render(instant)).isEqualTo(Long.toString(MILLIS));
        assertThat(PropertyValues.render(instant.atOffset(ZoneOffset.ofHours(-5)))).isEqualTo(Long.toString(MILLIS));
        assertThat(PropertyValues.render(ZonedDateTime.ofInstant(instant, ZoneId.of("Asia/Tokyo"))))
                .isEqualTo(Long.toString(MILLIS));
        assertThat(PropertyValues.render(new Date(MILLIS))).isEqualTo(Long.toString(MILLIS));
        assertThat(PropertyValues.render(LocalDateTime.ofInstant(instant, ZoneOffset.UTC))).isEqualTo(Long.toString(MILLIS));
        assertThat(PropertyValues.render(LocalDate.of(2026, 3, 4))).isEqualTo("1772582400000");
        assertThat(PropertyValues.render(java.sql.Date.valueOf(LocalDate.of(2026, 3, 4)))).isEqualTo("1772582400000");
        assertThat(PropertyValues.render(OffsetDateTime.of(2026, 3, 4, 0, 0, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("1772582400000");
    }

    @Test
    void nullClearsAndCollectionsAreSemicolonSeparated() {
        assertThat(PropertyValues.render(null)).isEmpty();
        assertThat(PropertyValues.render(List.of("a", "b", "c"))).isEqualTo("a;b;c");
        assertThat(PropertyValues.render(new Object[] { 1, true })).isEqualTo("1;true");
        assertThat(PropertyValues.render(Set.of())).isEmpty();
        assertThat(PropertyValues.render(Thread.State.RUNNABLE)).isEqualTo("RUNNABLE");
        UUID uuid = UUID.randomUUID();
        assertThat(PropertyValues.render(uuid)).isEqualTo(uuid.toString());
    }

    @Test
    void contactEmailsAreLowerCasedForMatchingOtherTypesAndPropertiesAreNot() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("email", "  Ada.Lovelace@Example.COM ");
        payload.put("firstname", "Ada");
        payload.put("age", null);

        assertThat(PropertyValues.render("contacts", payload)).containsExactly(Map.entry("email", "ada.lovelace@example.com"),
                Map.entry("firstname", "Ada"), Map.entry("age", ""));
        assertThat(PropertyValues.render("0-1", payload)).containsEntry("email", "ada.lovelace@example.com");
        assertThat(PropertyValues.render("companies", payload)).containsEntry("email", "  Ada.Lovelace@Example.COM ");
    }

    @Test
    void valuesHubSpotCannotStoreAreValidationErrorsNamingTheProperty() {
        assertThatThrownBy(() -> PropertyValues.render("deals", Map.of("amount", Double.NaN)))
                .isInstanceOf(CrmValidationException.class)
                .hasMessageContaining("amount").hasMessageContaining("deals");
        assertThatThrownBy(() -> PropertyValues.render("deals", Map.of("meta", Map.of("a", 1))))
                .isInstanceOf(CrmValidationException.class)
                .hasMessageContaining("meta").hasMessageContaining("java.util");
    }

    @Test
    void aListElementHoldingTheOptionSeparatorIsRefusedRatherThanSplit() {
        assertThatThrownBy(() -> PropertyValues.render("contacts", Map.of("hobbies", List.of("chess", "rock;roll"))))
                .isInstanceOf(CrmValidationException.class)
                .hasMessageContaining("hobbies").hasMessageContaining("index 1").hasMessageContaining("';'")
                .satisfies(e -> assertThat(((CrmValidationException) e).category()).isEqualTo("INVALID_PROPERTY_VALUE"));
        assertThatThrownBy(() -> PropertyValues.render("deals", Map.of("codes", new Object[] { "x;y" })))
                .isInstanceOf(CrmValidationException.class).hasMessageContaining("codes").hasMessageContaining("index 0");
        assertThatThrownBy(() -> PropertyValues.render("deals", Map.of("nested", List.of(List.of("a", "b")))))
                .isInstanceOf(CrmValidationException.class).hasMessageContaining("nested");
        // a plain string may hold ';': that is how a caller sends already joined options
        assertThat(PropertyValues.render("deals", Map.of("codes", "x;y"))).containsEntry("codes", "x;y");
    }

    @Test
    void valuesOverHubSpotsLengthLimitAreRefusedAndValuesAtTheLimitSent() {
        String atLimit = "a".repeat(65_536);
        assertThat(PropertyValues.render("contacts", Map.of("notes", atLimit))).containsEntry("notes", atLimit);

        assertThatThrownBy(() -> PropertyValues.render("contacts", Map.of("notes", atLimit + "b")))
                .isInstanceOf(CrmValidationException.class)
                .hasMessageContaining("notes").hasMessageContaining("65537").hasMessageContaining("65536")
                .hasMessageContaining("shorten")
                // never the value itself
                .hasMessageNotContaining("aaaa");
        List<String> options = Collections.nCopies(20_000, "abcd");
        assertThatThrownBy(() -> PropertyValues.render("contacts", Map.of("options", options)))
                .as("the limit applies to the joined value")
                .isInstanceOf(CrmValidationException.class).hasMessageContaining("options");
    }

    @Test
    void nulCharactersAreRefusedWhereverTheyAre() {
        assertThatThrownBy(() -> PropertyValues.render("contacts", Map.of("firstname", "Ada\0")))
                .isInstanceOf(CrmValidationException.class)
                .hasMessageContaining("firstname").hasMessageContaining("NUL").hasMessageContaining("index 3");
        assertThatThrownBy(() -> PropertyValues.render("contacts", Map.of("tags", List.of("ok", "\0bad"))))
                .isInstanceOf(CrmValidationException.class).hasMessageContaining("tags").hasMessageContaining("NUL");
        assertThatThrownBy(() -> PropertyValues.render("contacts", Map.of("initial", '\0')))
                .isInstanceOf(CrmValidationException.class).hasMessageContaining("initial");
    }
}
