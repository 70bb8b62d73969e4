package io.quarkiverse.etlify.runtime.airtable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.etlify.adapter.CrmValidationException;

/**
 * Renders a payload as the cell values Airtable's fields take (JSON types, not strings as HubSpot wants):
 * <ul>
 * <li>strings, characters, UUIDs and enum constants (their name) as strings: text, single select, e-mail,
 * URL, phone fields;</li>
 * <li>numbers as JSON numbers, plainly ({@code 1234.5}, never {@code 1.2345E3}): number, currency, percent,
 * rating, duration fields; NaN and infinities are refused;</li>
 * <li>booleans as {@code true}/{@code false}: checkbox fields;</li>
 * <li>{@link LocalDate} (and {@code java.sql.Date}) as {@code 2026-01-02}: date fields;</li>
 * <li>instants, offset and zoned date-times, {@code java.util.Date} and {@code Calendar} as the UTC instant
 * {@code 2026-01-02T03:04:05.678Z}, and {@link LocalDateTime} read as UTC: date-time fields;</li>
 * <li>collections and arrays as JSON arrays of their rendered elements, {@code null} elements left out:
 * multiple select (option names), linked records (record ids {@code rec...}), multiple collaborators;</li>
 * <li>maps as JSON objects of their rendered values: attachments ({@code {"url": ...}}), a collaborator
 * ({@code {"email": ...}});</li>
 * <li>{@code null} as JSON {@code null}, which clears the cell.</li>
 * </ul>
 * Anything else is refused before any request, naming the field.
 */
final class FieldValues {

    private FieldValues() {
    }

    /**
     * The payload rendered as Airtable fields, in the payload's order.
     *
     * @throws CrmValidationException naming the field whose value Airtable cannot take
     */
    static Map<String, Object> render(String table, Map<String, Object> payload) {
        Map<String, Object> fields = new LinkedHashMap<>();
        payload.forEach((name, value) -> {
            try {
                fields.put(name, render(value));
            } catch (IllegalArgumentException e) {
                throw new CrmValidationException("Field " + name + " of the " + table + " payload: " + e.getMessage(), 0,
                        "INVALID_VALUE_FOR_COLUMN", null, null);
            }
        });
        return fields;
    }

    /** One value rendered for JSON; {@code null} stays {@code null}. */
    static Object render(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof CharSequence || value instanceof Character || value instanceof UUID) {
            return value.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Number number) {
            return number(number);
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        Instant instant = instant(value);
        if (instant != null) {
            return instant.toString();
        }
        if (value instanceof Collection<?> values) {
            return list(values);
        }
        if (value instanceof Object[] values) {
            return list(List.of(values));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> object = new LinkedHashMap<>();
            map.forEach((key, element) -> object.put(String.valueOf(key), render(element)));
            return object;
        }
        throw new IllegalArgumentException("a " + value.getClass().getName() + " cannot be sent to Airtable: return a"
                + " string, number, boolean, date, date-time, collection or map of them from the serializer");
    }

    /**
     * A value as Airtable may answer it, for comparing what was sent with what came back: numbers without
     * trailing zeros, date-times as instants (Airtable answers {@code .000Z} for what was sent without
     * milliseconds), arrays element by element.
     */
    static String comparable(Object rendered) {
        if (rendered == null) {
            return "";
        }
        if (rendered instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (rendered instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        if (rendered instanceof Collection<?> values) {
            List<String> parts = new ArrayList<>();
            values.forEach(element -> parts.add(comparable(element)));
            return parts.toString();
        }
        return instantOrText(rendered.toString());
    }

    /** {@link #comparable(Object)} of a cell value in an answer. */
    static String comparable(JsonNode cell) {
        if (cell == null || cell.isNull()) {
            return "";
        }
        if (cell.isNumber()) {
            return cell.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (cell.isArray()) {
            List<String> parts = new ArrayList<>();
            cell.forEach(element -> parts.add(comparable(element)));
            return parts.toString();
        }
        return cell.isTextual() ? instantOrText(cell.asText()) : cell.toString();
    }

    private static String instantOrText(String text) {
        if (text.length() >= 20 && text.charAt(10) == 'T') {
            try {
                return OffsetDateTime.parse(text).toInstant().toString();
            } catch (DateTimeParseException e) {
                // text that merely looks like a date-time
            }
        }
        return text;
    }

    private static Object number(Number number) {
        if (number instanceof Double || number instanceof Float) {
            double value = number.doubleValue();
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(value + " is not a number Airtable can store");
            }
            // a float's own decimal form (0.1f is 0.10000000149011612 as a double)
            return plain(number instanceof Float ? new BigDecimal(number.toString()) : BigDecimal.valueOf(value));
        }
        if (number instanceof BigDecimal decimal) {
            return plain(decimal);
        }
        if (number instanceof BigInteger || number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte) {
            return number;
        }
        return plain(new BigDecimal(number.toString()));
    }

    // a scale of zero or more: Jackson writes it without exponent
    private static BigDecimal plain(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.toInstant();
        }
        if (value instanceof ZonedDateTime dateTime) {
            return dateTime.toInstant();
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Calendar calendar) {
            return calendar.toInstant();
        }
        return null;
    }

    private static List<Object> list(Collection<?> values) {
        List<Object> rendered = new ArrayList<>();
        for (Object element : values) {
            if (element != null) {
                rendered.add(render(element));
            }
        }
        return rendered;
    }
}
