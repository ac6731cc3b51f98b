package org.minsheng.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minsheng.indicator.UnitOfMeasure;
import org.minsheng.vocabulary.Language;

class FigureFormatTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {5} / {6}")
    @CsvSource(delimiter = '|', value = {
            "201000   | EXACT       | PERSON           | 人   | persons      | 20.1万人      | 201,000 persons",
            "1870     | MORE_THAN   | ITEM             | 家   | institutions | 1870余家      | more than 1,870 institutions",
            "2400000  | AT_LEAST    | PERSON           | 人   | persons      | 240万人以上   | at least 2,400,000 persons",
            "98.2     | EXACT       | PERCENT          | %    | %            | 98.2%        | 98.2%",
            "56.3     | EXACT       | PERCENTAGE_POINT | 个百分点 | percentage points | 56.3个百分点 | 56.3 percentage points",
            "4580000  | EXACT       | YUAN             | 元   | yuan         | 458万元       | 4,580,000 yuan",
            "280000   | MORE_THAN   | PERSON_TIME      | 人次 | person-times | 28万余人次    | more than 280,000 person-times",
            "100000   | APPROXIMATE | ITEM             | 个   | places       | 约10万个      | about 100,000 places",
            "1        | AT_LEAST    | ITEM             | 所   | institutions | 1所以上       | at least 1 institution",
            "95       | MORE_THAN   | PERCENT          | %    | %            | 超过95%       | more than 95%",
            "6529     | LESS_THAN   | PERSON           | 名   | girls        | 不足6529名    | less than 6,529 girls",
            "300000000| AT_MOST     | YUAN             | 元   | yuan         | 不超过3亿元   | at most 300,000,000 yuan",
    })
    void displayFollowsTheQualifierAndTheLanguage(BigDecimal value, Qualifier qualifier, UnitOfMeasure unit,
            String counterZh, String counterEn, String zh, String en) {
        assertEquals(zh, FigureFormat.display(value, qualifier, unit, counterZh, counterEn, Language.ZH));
        assertEquals(en, FigureFormat.display(value, qualifier, unit, counterZh, counterEn, Language.EN));
    }
}
