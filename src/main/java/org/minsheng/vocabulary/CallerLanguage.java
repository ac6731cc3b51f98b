package org.minsheng.vocabulary;

import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;

/**
 * The language a request asked for with {@code Accept-Language}: the default of every
 * {@code language} argument, and what the response's {@code extensions.language} reports.
 * Chinese unless the header prefers English.
 */
@RequestScoped
public class CallerLanguage {

    /** The description of every {@code language} argument. */
    public static final String ARGUMENT = "Language of the text; by default the request's Accept-Language "
            + "(en or zh), else ZH.";

    private Language language = Language.ZH;

    public Language get() {
        return language;
    }

    public void set(Language language) {
        this.language = language;
    }

    /** {@code explicit} when given, else the request's language. */
    public Language resolve(Language explicit) {
        return explicit != null ? explicit : language;
    }

    /**
     * The language an {@code Accept-Language} header prefers among those served: the range with the
     * highest q value that names zh or en ("en-GB,en;q=0.9", "zh-CN"); ZH for none, "*" or a
     * header that names neither.
     */
    public static Language fromHeader(String header) {
        if (header == null || header.isBlank()) {
            return Language.ZH;
        }
        Language best = Language.ZH;
        double bestQ = -1;
        for (String range : header.split(",")) {
            String[] parts = range.trim().split(";");
            String tag = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim();
                if (parameter.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            Language language = tag.equals("en") || tag.startsWith("en-") ? Language.EN
                    : tag.equals("zh") || tag.startsWith("zh-") ? Language.ZH : null;
            if (language != null && q > 0 && q > bestQ) {
                best = language;
                bestQ = q;
            }
        }
        return best;
    }
}
