package io.quarkiverse.etlify.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.quarkiverse.etlify.airtable.sandbox.AirtableSandbox;
import io.quarkiverse.etlify.airtable.sandbox.FieldSchema;
import io.quarkiverse.etlify.airtable.sandbox.FieldType;
import io.quarkiverse.etlify.airtable.sandbox.TableSchema;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts an {@link AirtableSandbox} on a free port for {@code @QuarkusTest}s and points Etlify CRMs at it
 * ({@code quarkus.etlify.crm."name".airtable.base-url}, {@code base-id} and {@code access-token}). Inject the
 * sandbox with {@link InjectAirtableSandbox}. The CRM must use the {@code airtable} adapter, e.g. in a test
 * profile: {@code quarkus.etlify.crm.airtable.adapter=airtable}.
 * <p>
 * Arguments (all optional), e.g. from {@code QuarkusTestProfile.testResources()}:
 * <ul>
 * <li>{@code crms}: comma-separated CRM names to point at the sandbox, default {@code airtable};</li>
 * <li>{@code access-token}: the token the sandbox accepts, default a random one;</li>
 * <li>{@code base-id}: the base's id ({@code app} and 14 letters or digits), default a random one;</li>
 * <li>{@code table.<name>}: a table and its fields, {@code name:type} separated by commas, the type one of
 * Airtable's ({@code singleLineText} when left out, {@code email}, {@code number}, {@code checkbox},
 * {@code date}, {@code dateTime}, {@code singleSelect(free|gold)}, {@code multipleSelects(a|b)},
 * {@code multipleRecordLinks}...); a field or table name may be preceded by its id and a slash, e.g.
 * {@code table.tblAbCdEf01234567/People=fldAbCdEf01234567/email:email,age:number};</li>
 * <li>{@code auto-create}: {@code true} to make tables and fields up as requests name them, default
 * {@code true} unless tables are declared;</li>
 * <li>{@code rate-limit}: requests per second to the base, default Airtable's 5, {@code off} for none;</li>
 * <li>{@code penalty}: how long requests are refused after a 429, default Airtable's {@code 30s} (units
 * {@code ms}, {@code s}, {@code m}).</li>
 * </ul>
 */
public class AirtableSandboxResource implements QuarkusTestResourceLifecycleManager {

    private static final String TABLE = "table.";

    private Map<String, String> args = Map.of();
    private AirtableSandbox sandbox;

    @Override
    public void init(Map<String, String> initArgs) {
        this.args = new HashMap<>(initArgs);
    }

    @Override
    public Map<String, String> start() {
        String token = args.getOrDefault("access-token", "patSandbox" + UUID.randomUUID().toString().replace("-", ""));
        AirtableSandbox.Builder builder = AirtableSandbox.builder().accessToken(token);
        if (args.containsKey("base-id")) {
            builder.baseId(args.get("base-id").trim());
        }
        boolean tablesDeclared = false;
        for (Map.Entry<String, String> arg : args.entrySet()) {
            if (arg.getKey().startsWith(TABLE)) {
                builder.table(table(arg.getKey().substring(TABLE.length()), arg.getValue()));
                tablesDeclared = true;
            }
        }
        builder.autoCreate(Boolean.parseBoolean(args.getOrDefault("auto-create", Boolean.toString(!tablesDeclared))));
        String rateLimit = args.get("rate-limit");
        if ("off".equalsIgnoreCase(rateLimit)) {
            builder.noRateLimits();
        } else if (rateLimit != null) {
            builder.rateLimit(Integer.parseInt(rateLimit.trim()));
        }
        if (args.containsKey("penalty")) {
            builder.penalty(duration(args.get("penalty").trim()));
        }
        sandbox = builder.build().start();
        Map<String, String> config = new HashMap<>();
        for (String crm : list(args.getOrDefault("crms", "airtable"), ",")) {
            config.put("quarkus.etlify.crm." + crm + ".airtable.base-url", sandbox.baseUrl());
            config.put("quarkus.etlify.crm." + crm + ".airtable.base-id", sandbox.baseId());
            config.put("quarkus.etlify.crm." + crm + ".airtable.access-token", token);
        }
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(sandbox,
                new TestInjector.AnnotatedAndMatchesType(InjectAirtableSandbox.class, AirtableSandbox.class));
    }

    @Override
    public void stop() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    private static TableSchema table(String idAndName, String fieldSpecs) {
        String[] table = idAndName(idAndName);
        List<FieldSchema> fields = new ArrayList<>();
        for (String spec : list(fieldSpecs, ",")) {
            int colon = spec.indexOf(':');
            String[] field = idAndName(colon < 0 ? spec : spec.substring(0, colon));
            String type = colon < 0 ? "singleLineText" : spec.substring(colon + 1).trim();
            String[] choices = new String[0];
            int paren = type.indexOf('(');
            if (paren >= 0) {
                choices = list(type.substring(paren + 1, type.length() - 1), "\\|").toArray(String[]::new);
                type = type.substring(0, paren);
            }
            FieldType fieldType = fieldType(type);
            fields.add(field[0] == null ? FieldSchema.of(field[1], fieldType, choices)
                    : FieldSchema.withId(field[0], field[1], fieldType, choices));
        }
        FieldSchema[] array = fields.toArray(FieldSchema[]::new);
        return table[0] == null ? TableSchema.of(table[1], array) : TableSchema.withId(table[0], table[1], array);
    }

    /** {@code id/name} or {@code name}: the id (or null) and the name. */
    private static String[] idAndName(String value) {
        int slash = value.indexOf('/');
        return slash < 0 ? new String[] { null, value.trim() }
                : new String[] { value.substring(0, slash).trim(), value.substring(slash + 1).trim() };
    }

    private static FieldType fieldType(String apiName) {
        for (FieldType type : FieldType.values()) {
            if (type.apiName().equalsIgnoreCase(apiName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown Airtable field type " + apiName + ": use one of "
                + Arrays.stream(FieldType.values()).map(FieldType::apiName).toList());
    }

    private static List<String> list(String value, String separator) {
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Duration duration(String value) {
        String unit = value.toLowerCase(Locale.ROOT);
        if (unit.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (unit.charAt(unit.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            default -> throw new IllegalArgumentException("penalty must end with ms, s or m: " + value);
        };
    }
}
