package io.quarkiverse.etlify.runtime.sync;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Renders a payload as JSON that is identical for equal content: keys sorted at every depth,
 * numbers in their shortest exact form ({@code 1}, {@code 1L}, {@code 1.0} and {@code 1.00} all
 * render {@code 1}), instants in ISO-8601 UTC, other dates ISO-8601, enums by name.
 */
final class CanonicalJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private CanonicalJson() {
    }

    public static String render(Object value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            g.writeStartObject();
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                g.writeFieldName(entry.getKey());
                write(g, entry.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof Iterable<?> items) {
            g.writeStartArray();
            for (Object item : items) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof Object[] items) {
            g.writeStartArray();
            for (Object item : items) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof Boolean bool) {
            g.writeBoolean(bool);
        } else if (value instanceof Number number) {
            writeNumber(g, number);
        } else if (value instanceof Enum<?> e) {
            g.writeString(e.name());
        } else {
            g.writeString(renderScalar(value));
        }
    }

    private static void writeNumber(JsonGenerator g, Number number) throws IOException {
        BigDecimal decimal;
        if (number instanceof BigDecimal d) {
            decimal = d;
        } else if (number instanceof BigInteger i) {
            decimal = new BigDecimal(i);
        } else if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                g.writeString(Double.toString(d));
                return;
            }
            decimal = new BigDecimal(number.toString());
        } else {
            decimal = BigDecimal.valueOf(number.longValue());
        }
        decimal = decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
        g.writeNumber(decimal.toPlainString());
    }

    /** Scalars other than numbers and booleans, rendered as strings. */
    static String renderScalar(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant().toString();
        }
        if (value instanceof ZonedDateTime zdt) {
            return zdt.toInstant().toString();
        }
        if (value instanceof Instant || value instanceof LocalDateTime || value instanceof TemporalAccessor) {
            return value.toString();
        }
        return value.toString();
    }
}
