package org.minsheng.indicator;

import org.eclipse.microprofile.graphql.Description;

@Description("What indicators can be ordered by.")
public enum IndicatorOrderField {
    @Description("By code.")
    CODE,
    @Description("By the Chinese name in pinyin, letters only, without tones (the order of a Chinese dictionary's "
            + "index, the same on every database), then by code.")
    NAME
}
