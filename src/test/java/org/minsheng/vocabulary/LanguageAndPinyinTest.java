package org.minsheng.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageAndPinyinTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "en|EN", "en-US,en;q=0.9|EN", "zh-CN,zh;q=0.9,en;q=0.8|ZH", "en;q=0.5,zh;q=0.9|ZH", "fr-FR|ZH", "*|ZH",
            "fr,en-GB;q=0.7|EN", "en;q=0|ZH", "EN-gb|EN" })
    void acceptLanguagePicksTheBestServedLanguage(String header, Language expected) {
        assertEquals(expected, CallerLanguage.fromHeader(header));
    }

    @Test
    void noHeaderIsChinese() {
        assertEquals(Language.ZH, CallerLanguage.fromHeader(null));
        assertEquals(Language.ZH, CallerLanguage.fromHeader(" "));
    }

    @Test
    void namesInPinyinComeFromTheDictionary() {
        assertEquals("chi feng shi", Pinyin.of("赤峰市"));
        assertEquals("hu he hao te shi", Pinyin.of("呼和浩特市"));
        assertEquals("e er duo si shi", Pinyin.of("鄂尔多斯市"));
        // Latin letters and digits stay, as words of their own.
        assertEquals("abc12 zhen", Pinyin.of("ABC12镇"));
    }

    @Test
    void keysIgnoreSpacesToneMarksAndCase() {
        assertEquals("chifeng", Pinyin.key("Chì Fēng"));
        assertEquals("chifeng", Pinyin.key("chi-feng"));
        assertEquals("nv", Pinyin.key("nǚ"));
        assertEquals("chifengshi", Pinyin.key(Pinyin.of("赤峰市")));
    }
}
