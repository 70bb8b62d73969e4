package io.quarkiverse.etlify.runtime.sync;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.etlify.adapter.CrmException;
import io.quarkiverse.etlify.runtime.config.CrmSecrets;
import io.quarkiverse.etlify.runtime.config.EtlifyRuntimeConfig;
import io.quarkiverse.etlify.runtime.mapping.RecordException;

/**
 * Describes failures for {@code last_error} and logs without credentials: configured secrets and
 * anything shaped like a bearer, HubSpot private-app or Airtable personal access token are masked.
 */
@ApplicationScoped
class SecretRedactor {

    static final int MAX_LENGTH = 2000;
    private static final Pattern TOKENS = CrmSecrets.TOKEN_SHAPES;

    private final List<String> secrets;

    @Inject
    public SecretRedactor(EtlifyRuntimeConfig config) {
        this(CrmSecrets.configuredTokens(config));
    }

    SecretRedactor(List<String> secrets) {
        this.secrets = secrets.stream().filter(secret -> secret.length() >= 4).toList();
    }

    /** One line describing a failure, safe to store and log. */
    public String describe(Throwable failure) {
        if (failure instanceof RecordException) {
            // already names the serializer or guard, the record, the original exception and where it was thrown
            return redact(failure.getMessage());
        }
        StringBuilder text = new StringBuilder(failure.getClass().getSimpleName());
        if (failure.getMessage() != null) {
            text.append(": ").append(failure.getMessage());
        }
        if (failure instanceof CrmException crm) {
            if (crm.status() > 0) {
                text.append(" [status ").append(crm.status()).append(']');
            }
            if (crm.category() != null) {
                text.append(" [category ").append(crm.category()).append(']');
            }
            if (crm.correlationId() != null) {
                text.append(" [correlation id ").append(crm.correlationId()).append(']');
            }
            if (crm.details() != null) {
                text.append(' ').append(crm.details());
            }
        } else if (failure.getCause() != null && failure.getCause() != failure) {
            text.append(" (caused by ").append(failure.getCause().getClass().getSimpleName());
            if (failure.getCause().getMessage() != null) {
                text.append(": ").append(failure.getCause().getMessage());
            }
            text.append(')');
        }
        return redact(text.toString());
    }

    /** The text with secrets masked and its length bounded. */
    public String redact(String text) {
        String redacted = text;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, "***");
        }
        redacted = TOKENS.matcher(redacted).replaceAll(match -> match.group(1) != null ? match.group(1) + "***" : "***");
        return redacted.length() > MAX_LENGTH ? redacted.substring(0, MAX_LENGTH) : redacted;
    }
}
