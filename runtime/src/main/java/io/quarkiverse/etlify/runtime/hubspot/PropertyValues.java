package io.quarkiverse.etlify.runtime.hubspot;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.quarkiverse.etlify.adapter.CrmValidationException;

/**
 * Renders a payload as HubSpot's contract wants it: every property value a string. Numbers plain
 * ({@code 1234.5}, never {@code 1.2345E3}), booleans {@code true}/{@code false}, instants and
 * date-times as epoch milliseconds, dates as midnight UTC in epoch milliseconds (HubSpot's date
 * properties), collections as {@code a;b;c} (multiple checkboxes), {@code null} as {@code ""}, which
 * clears the property. Contact e-mails are lower-cased, as HubSpot matches them regardless of case.
 * Values HubSpot would refuse or silently change are refused before any request: longer than
 * {@value #MAX_LENGTH} characters, holding a NUL character, or a collection element holding the
 * {@code ;} that separates options.
 */
final class PropertyValues {

    static final String EMAIL = "email";

    /** HubSpot's limit on the length of one property value. */
    static final int MAX_LENGTH = 65_536;

    private PropertyValues() {
    }

    /**
     * The payload rendered for an object type.
     *
     * @throws CrmValidationException naming the property whose value HubSpot cannot store
     */
    static Map<String, String> render(String objectType, Map<String, Object> payload) {
        Map<String, String> properties = new LinkedHashMap<>();
        boolean contact = ObjectTypes.isContacts(objectType);
        payload.forEach((name, value) -> {
            String rendered;
            try {
                rendered = checked(render(value));
            } catch (IllegalArgumentException e) {
                throw new CrmValidationException("Property " + name + " of the " + objectType + " payload: "
                        + e.getMessage(), 0, "INVALID_PROPERTY_VALUE", null, null);
            }
            properties.put(name, contact && EMAIL.equals(name) ? normalizeEmail(rendered) : rendered);
        });
        return properties;
    }

    /** One value rendered as a string; {@code null} becomes {@code ""}. */
    static String render(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof UUID) {
            return value.toString();
        }
        if (value instanceof Boolean bool) {
            return bool ? "true" : "false";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new IllegalArgumentException(number + " is not a number HubSpot can store");
            }
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Instant instant) {
            return Long.toString(instant.toEpochMilli());
        }
        if (value instanceof OffsetDateTime dateTime) {
            return Long.toString(dateTime.toInstant().toEpochMilli());
        }
        if (value instanceof ZonedDateTime dateTime) {
            return Long.toString(dateTime.toInstant().toEpochMilli());
        }
        if (value instanceof LocalDateTime dateTime) {
            return Long.toString(dateTime.toInstant(ZoneOffset.UTC).toEpochMilli());
        }
        if (value instanceof LocalDate date) {
            return midnightUtc(date);
        }
        if (value instanceof java.sql.Date date) {
            return midnightUtc(date.toLocalDate());
        }
        if (value instanceof Date date) {
            return Long.toString(date.getTime());
        }
        if (value instanceof Calendar calendar) {
            return Long.toString(calendar.getTimeInMillis());
        }
        if (value instanceof Collection<?> values) {
            return join(values);
        }
        if (value instanceof Object[] values) {
            return join(List.of(values));
        }
        throw new IllegalArgumentException("a " + value.getClass().getName() + " cannot be sent to HubSpot: return a"
                + " string, number, boolean, date or collection of them from the serializer");
    }

    /** The rendered value, unless HubSpot would refuse it. */
    private static String checked(String value) {
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the value is " + value.length() + " characters long, over HubSpot's limit"
                    + " of " + MAX_LENGTH + ": shorten or split it in the serializer");
        }
        int nul = value.indexOf('\0');
        if (nul >= 0) {
            throw new IllegalArgumentException("the value holds a NUL character (U+0000) at index " + nul
                    + ", which HubSpot refuses: remove it in the serializer");
        }
        return value;
    }

    /** How HubSpot compares e-mails: trimmed, lower case. */
    static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static String midnightUtc(LocalDate date) {
        return Long.toString(date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
    }

    private static String join(Collection<?> values) {
        List<String> parts = new ArrayList<>();
        int index = 0;
        for (Object part : values) {
            if (part != null) {
                String rendered = render(part);
                // HubSpot would read it as two options
                if (rendered.indexOf(';') >= 0) {
                    throw new IllegalArgumentException("the list element at index " + index + " holds a ';', which HubSpot"
                            + " reads as the separator of multiple options: use option values without ';'"
                            + " in the serializer");
                }
                parts.add(rendered);
            }
            index++;
        }
        return String.join(";", parts);
    }
}
