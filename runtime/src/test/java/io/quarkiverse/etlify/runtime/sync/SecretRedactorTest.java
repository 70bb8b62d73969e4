package io.quarkiverse.etlify.runtime.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.etlify.adapter.CrmRateLimitedException;
import io.quarkiverse.etlify.adapter.CrmValidationException;

class SecretRedactorTest {

    private final SecretRedactor redactor = new SecretRedactor(List.of("my-configured-secret"));

    @Test
    void masksConfiguredSecretsBearerTokensAndPrivateAppTokens() {
        String text = redactor.redact("failed with my-configured-secret, Authorization: Bearer abc.def-123 and pat-na1-1234abcd-5678");

        assertThat(text).doesNotContain("my-configured-secret", "abc.def-123", "pat-na1-1234abcd-5678")
                .contains("Bearer ***");
    }

    @Test
    void masksAirtablePersonalAccessTokens() {
        String token = "patAbCdEf01234567." + "0123456789abcdef".repeat(4);

        assertThat(redactor.redact("token " + token + " refused")).isEqualTo("token *** refused");
    }

    @Test
    void describesCrmFailuresWithStatusCategoryAndCorrelationId() {
        String described = redactor.describe(
                new CrmValidationException("Property values were not valid", 400, "VALIDATION_ERROR", "c-42", "email: invalid"));

        assertThat(described).isEqualTo("CrmValidationException: Property values were not valid [status 400]"
                + " [category VALIDATION_ERROR] [correlation id c-42] email: invalid");
        assertThat(redactor.describe(new CrmRateLimitedException("slow down", "RATE_LIMITS", null, null,
                CrmRateLimitedException.Scope.DAILY_QUOTA, "DAILY")))
                .contains("[status 429]");
    }

    @Test
    void boundsTheLength() {
        assertThat(redactor.describe(new IllegalStateException("x".repeat(10_000)))).hasSize(SecretRedactor.MAX_LENGTH);
    }
}
