package io.quarkiverse.etlify.test;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkiverse.etlify.hubspot.sandbox.HubSpotSandbox;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a {@link HubSpotSandbox} on a free port for {@code @QuarkusTest}s and points Etlify CRMs at
 * it ({@code quarkus.etlify.crm."name".hubspot.base-url} and {@code access-token}). Inject the
 * sandbox with {@link InjectHubSpotSandbox}. The CRM must use the {@code hubspot} adapter, e.g. in
 * a test profile: {@code quarkus.etlify.crm.hubspot.adapter=hubspot}.
 * <p>
 * Arguments (all optional), e.g. from {@code QuarkusTestProfile.testResources()}:
 * <ul>
 * <li>{@code crms}: comma-separated CRM names to point at the sandbox, default {@code hubspot};</li>
 * <li>{@code access-token}: the token the sandbox accepts, default a random {@code pat-sandbox-...};</li>
 * <li>{@code rate-limit}: the sandbox's rolling limit as {@code requests/duration}, e.g. {@code 5/1s}
 * (units {@code ms}, {@code s}, {@code m}), or {@code off} for no limit at all; default HubSpot's 190/10s;</li>
 * <li>{@code daily-limit}, {@code secondly-limit}, {@code search-rate-limit}: numbers, off by default
 * (search: 5);</li>
 * <li>{@code retry-after-header}: {@code true} to send {@code Retry-After} on 429 answers;</li>
 * <li>{@code unique-properties}: {@code type:property,type:property} unique-value properties besides
 * contacts' e-mail.</li>
 * </ul>
 */
public class HubSpotSandboxResource implements QuarkusTestResourceLifecycleManager {

    private Map<String, String> args = Map.of();
    private HubSpotSandbox sandbox;

    @Override
    public void init(Map<String, String> initArgs) {
        this.args = new HashMap<>(initArgs);
    }

    @Override
    public Map<String, String> start() {
        String token = args.getOrDefault("access-token", "pat-sandbox-" + UUID.randomUUID());
        HubSpotSandbox.Builder builder = HubSpotSandbox.builder().accessToken(token);
        String rateLimit = args.get("rate-limit");
        if ("off".equalsIgnoreCase(rateLimit)) {
            builder.noRateLimits();
        } else if (rateLimit != null) {
            String[] parts = rateLimit.split("/");
            builder.rateLimit(Integer.parseInt(parts[0].trim()), duration(parts[1].trim()));
        }
        if (args.containsKey("daily-limit")) {
            builder.dailyLimit(Long.parseLong(args.get("daily-limit").trim()));
        }
        if (args.containsKey("secondly-limit")) {
            builder.secondlyLimit(Integer.parseInt(args.get("secondly-limit").trim()));
        }
        if (args.containsKey("search-rate-limit")) {
            builder.searchRateLimit(Integer.parseInt(args.get("search-rate-limit").trim()));
        }
        builder.retryAfterHeader(Boolean.parseBoolean(args.getOrDefault("retry-after-header", "false")));
        for (String pair : list(args.get("unique-properties"))) {
            String[] typeAndProperty = pair.split(":");
            builder.uniqueProperty(typeAndProperty[0].trim(), typeAndProperty[1].trim());
        }
        sandbox = builder.build().start();
        Map<String, String> config = new HashMap<>();
        for (String crm : list(args.getOrDefault("crms", "hubspot"))) {
            config.put("quarkus.etlify.crm." + crm + ".hubspot.base-url", sandbox.baseUrl());
            config.put("quarkus.etlify.crm." + crm + ".hubspot.access-token", token);
        }
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(sandbox,
                new TestInjector.AnnotatedAndMatchesType(InjectHubSpotSandbox.class, HubSpotSandbox.class));
    }

    @Override
    public void stop() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    private static List<String> list(String value) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Duration duration(String value) {
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            default -> throw new IllegalArgumentException("rate-limit duration must end with ms, s or m: " + value);
        };
    }
}
