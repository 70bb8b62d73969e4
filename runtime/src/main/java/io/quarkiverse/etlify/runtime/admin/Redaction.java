package io.quarkiverse.etlify.runtime.admin;

import java.util.List;

import io.quarkiverse.etlify.runtime.config.CrmSecrets;
import io.quarkiverse.etlify.runtime.config.EtlifyRuntimeConfig;

/** Masks the configured CRM tokens, and anything shaped like a bearer, HubSpot or Airtable token, in admin answers. */
final class Redaction {

    private final List<String> secrets;

    Redaction(EtlifyRuntimeConfig config) {
        this.secrets = CrmSecrets.configuredTokens(config).stream().filter(secret -> secret.length() >= 4).toList();
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, "***");
        }
        return CrmSecrets.TOKEN_SHAPES.matcher(redacted)
                .replaceAll(match -> match.group(1) != null ? match.group(1) + "***" : "***");
    }

    String describe(Throwable failure) {
        return redact(failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }
}
