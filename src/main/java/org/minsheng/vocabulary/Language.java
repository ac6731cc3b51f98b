package org.minsheng.vocabulary;

import org.eclipse.microprofile.graphql.Description;

@Description("Language of derived display text.")
public enum Language {
    @Description("Simplified Chinese, as the sources write figures: 20.1万人, 1870余家.")
    ZH,
    @Description("English: 201,000 persons, more than 1,870 institutions.")
    EN
}
