package org.minsheng.source;

import org.eclipse.microprofile.graphql.Description;

@Description("What sources can be ordered by.")
public enum SourceOrderField {
    @Description("By code.")
    CODE
}
