package io.quarkiverse.etlify.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StrictBooleanConverterTest {

    private final StrictBooleanConverter converter = new StrictBooleanConverter();

    @Test
    void readsTrueAndFalseInAnyCase() {
        assertThat(converter.convert("true")).isTrue();
        assertThat(converter.convert(" FALSE ")).isFalse();
    }

    @Test
    void rejectsAnythingElse() {
        for (String typo : new String[] { "ture", "yes", "1", "on", "flase" }) {
            assertThatThrownBy(() -> converter.convert(typo)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(typo);
        }
    }
}
