package io.quarkiverse.etlify.runtime.airtable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.etlify.adapter.CrmValidationException;

class FieldValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void valuesBecomeTheJsonTypesAirtableFieldsTake() throws Exception {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", "Ada");
        payload.put("age", 36);
        payload.put("balance", new BigDecimal("1234.50"));
        payload.put("big", 1.0e10d);
        payload.put("ratio", 0.1f);
        payload.put("vip", true);
        payload.put("born", LocalDate.of(1815, 12, 10));
        payload.put("signed_up_at", Instant.parse("2026-01-02T03:04:05.678Z"));
        payload.put("renewed_at", OffsetDateTime.of(2026, 1, 2, 5, 4, 5, 0, ZoneOffset.ofHours(2)));
        payload.put("seen_at", LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        payload.put("interests", Arrays.asList("math", null, "poetry"));
        payload.put("company", List.of("recAbCdEf01234567"));
        payload.put("photo", List.of(Map.of("url", "https://example.com/ada.png")));
        payload.put("status", Thread.State.NEW);
        payload.put("nickname", null);

        String json = JSON.writeValueAsString(FieldValues.render("People", payload));

        assertThat(json).isEqualTo("{\"name\":\"Ada\",\"age\":36,\"balance\":1234.5,\"big\":10000000000,\"ratio\":0.1,"
                + "\"vip\":true,\"born\":\"1815-12-10\",\"signed_up_at\":\"2026-01-02T03:04:05.678Z\","
                + "\"renewed_at\":\"2026-01-02T03:04:05Z\",\"seen_at\":\"2026-01-02T03:04:05Z\","
                + "\"interests\":[\"math\",\"poetry\"],\"company\":[\"recAbCdEf01234567\"],"
                + "\"photo\":[{\"url\":\"https://example.com/ada.png\"}],\"status\":\"NEW\",\"nickname\":null}");
    }

    @Test
    void aValueAirtableCannotTakeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> FieldValues.render("People", Map.of("score", Double.NaN)))
                .isInstanceOf(CrmValidationException.class).hasMessageContaining("Field score of the People payload");
        assertThatThrownBy(() -> FieldValues.render("People", Map.of("owner", new Object())))
                .isInstanceOf(CrmValidationException.class).hasMessageContaining("java.lang.Object");
    }

    @Test
    void valuesCompareAsAirtableAnswersThem() throws Exception {
        assertThat(FieldValues.comparable(FieldValues.render(new BigDecimal("42.0"))))
                .isEqualTo(FieldValues.comparable(JSON.readTree("42")));
        assertThat(FieldValues.comparable(FieldValues.render(Instant.parse("2026-01-02T03:04:05Z"))))
                .isEqualTo(FieldValues.comparable(JSON.readTree("\"2026-01-02T03:04:05.000Z\"")));
        assertThat(FieldValues.comparable("ada@example.com"))
                .isEqualTo(FieldValues.comparable(JSON.readTree("\"ada@example.com\"")))
                .isNotEqualTo(FieldValues.comparable(JSON.readTree("\"bob@example.com\"")));
    }
}
