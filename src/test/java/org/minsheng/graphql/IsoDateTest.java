package org.minsheng.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LightFetchers writes a date field with {@code LocalDate.toString()} where SmallRye would format it
 * with ISO_LOCAL_DATE: the two must write every date alike, far years included.
 */
class IsoDateTest {

    @ParameterizedTest
    @ValueSource(strings = { "2024-12-31", "2020-11-01", "0001-01-01", "0999-02-03", "9999-12-31", "+10000-01-01",
            "-0001-06-30", "-10000-01-01" })
    void toStringWritesWhatTheIsoFormatterWrites(String text) {
        LocalDate date = LocalDate.parse(text);
        assertEquals(DateTimeFormatter.ISO_LOCAL_DATE.format(date), date.toString());
    }
}
