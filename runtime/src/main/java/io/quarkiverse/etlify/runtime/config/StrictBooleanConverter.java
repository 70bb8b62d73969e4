package io.quarkiverse.etlify.runtime.config;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads only {@code true} or {@code false} (any case). SmallRye's default boolean converter reads
 * a typo such as {@code ture} as {@code false}, which would silently disable a CRM.
 */
public class StrictBooleanConverter implements Converter<Boolean> {

    @Override
    public Boolean convert(String value) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (trimmed.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("expected true or false, got '" + trimmed + "'");
    }
}
