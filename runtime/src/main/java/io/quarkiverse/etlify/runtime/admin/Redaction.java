package io.quarkiverse.etlify.runtime.admin;

import java.util.List;
import java.util.regex.Pattern;

import io.quarkiverse.etlify.runtime.config.EtlifyRuntimeConfig;

/** Masks the configured CRM tokens, and anything shaped like a bearer or private-app token, in admin answers. */
final class Redaction {

    private static final Pattern TOKENS = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+|\\bpat-[a-z0-9-]{8,}");

    private final List<String> secrets;

    Redaction(EtlifyRuntimeConfig config) {
        this.secrets = config.crm().values().stream().flatMap(crm -> crm.hubspot().accessToken().stream())
                .filter(secret -> secret.length() >= 4).toList();
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, "***");
        }
        return TOKENS.matcher(redacted).replaceAll(match -> match.group(1) != null ? match.group(1) + "***" : "***");
    }

    String describe(Throwable failure) {
        return redact(failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }
}
