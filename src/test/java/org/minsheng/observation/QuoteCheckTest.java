package org.minsheng.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minsheng.indicator.UnitOfMeasure;

class QuoteCheckTest {

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "截至2024年底，建成各类托育机构1870余家 | 1870    | MORE_THAN",
            "农村牧区劳动力转移就业规模每年保持在240万人以上 | 2400000 | AT_LEAST",
            "今天已有20多位零工人员 | 20 | MORE_THAN",
            "每个旗县至少建成1所公办托育机构 | 1 | AT_LEAST",
            "约20万人参加培训 | 200000 | APPROXIMATE",
            "大约20万人参加培训 | 200000 | APPROXIMATE",
            "培训20万人左右 | 200000 | APPROXIMATE",
            "2024年城镇新增就业20.1万人 | 201000 | EXACT",
            "服务近20万人次 | 200000 | LESS_THAN",
            "接近20万人 | 200000 | LESS_THAN",
            "不少于20万人 | 200000 | AT_LEAST",
            "少于20万人 | 200000 | LESS_THAN",
            "不超过20万人 | 200000 | AT_MOST",
            "超过20万人 | 200000 | MORE_THAN",
            "近两年来，服务20万人 | 200000 | EXACT",
    })
    void qualifierWordsAroundAFigureAreRead(String text, BigDecimal value, Qualifier expected) {
        QuoteCheck.Occurrence occurrence = QuoteCheck.find(text, value, UnitOfMeasure.PERSON).get(0);
        assertEquals(expected, QuoteCheck.qualifierAround(text, occurrence));
    }

    /** seeds/README.md's table of qualifier words is the loader's table, word for word and in order. */
    @Test
    void theReadmeListsEveryWordTheLoaderReads() throws IOException {
        String readme = Files.readString(Path.of("seeds/README.md"));
        String section = readme.substring(readme.indexOf("### Qualifier words"));
        section = section.substring(0, section.indexOf("\n#", 5));
        Map<String, QuoteCheck.Place> places = Map.of("right after", QuoteCheck.Place.RIGHT_AFTER, "after",
                QuoteCheck.Place.AFTER, "right before", QuoteCheck.Place.RIGHT_BEFORE, "before",
                QuoteCheck.Place.BEFORE);
        Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\| ([a-z ]+?) \\| `([A-Z_]+)` \\|").matcher(section);
        List<QuoteCheck.Rule> listed = new ArrayList<>();
        while (row.find()) {
            listed.add(new QuoteCheck.Rule(row.group(1), places.get(row.group(2)), Qualifier.valueOf(row.group(3))));
        }
        assertEquals(QuoteCheck.RULES, listed);
    }
}
