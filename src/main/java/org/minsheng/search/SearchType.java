package org.minsheng.search;

import org.eclipse.microprofile.graphql.Description;

@Description("The kinds of object search finds.")
public enum SearchType {
    @Description("Regions: by code, Chinese name, English name or pinyin.")
    REGION,
    @Description("Indicators: by code, names, pinyin or description.")
    INDICATOR,
    @Description("Programmes: by code, names, pinyin or description.")
    PROGRAM
}
