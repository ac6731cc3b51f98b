package org.minsheng.program;

import org.eclipse.microprofile.graphql.Description;

@Description("What programmes can be ordered by.")
public enum ProgramOrderField {
    @Description("By code.")
    CODE,
    @Description("By the Chinese name in pinyin, letters only, without tones (the order of a Chinese dictionary's "
            + "index, the same on every database), then by code.")
    NAME
}
