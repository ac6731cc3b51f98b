package org.minsheng.vocabulary;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Chinese names in pinyin, from pinyin4j's dictionary (with its word list for characters read
 * more than one way), and the search key that compares them: lower-case ASCII letters and digits
 * only, so "Chì Fēng", "chi feng" and "chifeng" are one key.
 */
public final class Pinyin {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private Pinyin() {
    }

    /**
     * {@code text} in pinyin, a space between syllables: "赤峰市" is "chi feng shi". A character read
     * more than one way takes the dictionary's first reading (长 is "zhang", as in 长大, not "chang",
     * as in 长安); Latin letters and digits are kept, as one word.
     */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        List<String> syllables = new ArrayList<>();
        StringBuilder latin = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String[] readings = readings(c);
            if (readings != null && readings.length > 0) {
                flush(latin, syllables);
                syllables.add(readings[0]);
            } else if (Character.isLetterOrDigit(c) && c < 128) {
                latin.append(Character.toLowerCase(c));
            } else {
                flush(latin, syllables);
            }
        }
        flush(latin, syllables);
        return String.join(" ", syllables);
    }

    private static String[] readings(char c) {
        try {
            return PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException("pinyin4j refused its output format", e);
        }
    }

    private static void flush(StringBuilder latin, List<String> syllables) {
        if (latin.length() > 0) {
            syllables.add(latin.toString());
            latin.setLength(0);
        }
    }

    /**
     * The search key of a text typed by a user or of a stored pinyin: tone marks and everything
     * but letters and digits taken out, lower case, ü as v. "Chì Fēng" and "chi-feng" are "chifeng".
     */
    public static String key(String text) {
        if (text == null) {
            return null;
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder key = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c == 'u' || c == 'U') && i + 1 < folded.length() && folded.charAt(i + 1) == '\u0308') {
                // ü (u and a combining diaeresis, whatever tone mark follows) is written v.
                key.append('v');
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                key.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                key.append(Character.toLowerCase(c));
            }
        }
        return key.toString();
    }
}
