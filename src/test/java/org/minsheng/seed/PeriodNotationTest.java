package org.minsheng.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodNotationTest {

    @ParameterizedTest(name = "{0} = {1}..{2}")
    @CsvSource({
            "2024,                  2024-01-01, 2024-12-31",
            "2025-04,               2025-04-01, 2025-04-30",
            "2024-02,               2024-02-01, 2024-02-29",
            "2024-12-31,            2024-12-31, 2024-12-31",
            "2023/2025-03,          2023-01-01, 2025-03-31",
            "2023-06/2025-05-19,    2023-06-01, 2025-05-19",
            "2023-12-31/2025-04-30, 2023-12-31, 2025-04-30",
    })
    void notationIsAClosedInterval(String text, LocalDate start, LocalDate end) {
        assertEquals(new PeriodNotation.Interval(start, end), PeriodNotation.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "24", "2024-13", "2024-02-30", "2025/2024", "2024/2025/2026", "2024年", "Q1 2024" })
    void anythingElseIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> PeriodNotation.parse(text));
    }
}
