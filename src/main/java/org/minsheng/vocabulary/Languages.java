package org.minsheng.vocabulary;

/** Choosing between the Chinese and the English form of a text. */
public final class Languages {

    private Languages() {
    }

    /** {@code en} for English where there is one, else {@code zh}. */
    public static String pick(Language language, String zh, String en) {
        return language == Language.EN && en != null ? en : zh;
    }

    /** A pinyin key written as an English text writes a name: "chifengshi" is "Chifengshi". */
    public static String capitalized(String pinyinKey) {
        if (pinyinKey == null || pinyinKey.isEmpty()) {
            return pinyinKey;
        }
        return Character.toUpperCase(pinyinKey.charAt(0)) + pinyinKey.substring(1);
    }
}
