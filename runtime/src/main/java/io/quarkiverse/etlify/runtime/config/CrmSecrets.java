package io.quarkiverse.etlify.runtime.config;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The credentials configured for the CRMs, and the shapes of tokens to mask wherever text may carry one. */
public final class CrmSecrets {

    /**
     * A bearer credential, a HubSpot private-app token ({@code pat-na1-...}) or an Airtable personal access
     * token ({@code pat} and 14 characters, a dot, its secret); group 1 is the {@code Bearer } prefix to keep.
     */
    public static final Pattern TOKEN_SHAPES = Pattern
            .compile("(?i)(bearer\\s+)[^\\s\"',;]+|\\bpat-[a-z0-9-]{8,}|\\bpat[a-z0-9]{14}\\.[a-z0-9]{16,}");

    private CrmSecrets() {
    }

    /** Every configured access token, whatever the CRM's adapter. */
    public static List<String> configuredTokens(EtlifyRuntimeConfig config) {
        return config.crm().values().stream()
                .flatMap(crm -> Stream.concat(crm.hubspot().accessToken().stream(), crm.airtable().accessToken().stream()))
                .map(String::trim)
                .toList();
    }
}
