package org.minsheng.indicator;

import org.eclipse.microprofile.graphql.Description;
import org.minsheng.graphql.Connection;
import org.minsheng.graphql.Page;

@Description("A page of indicators, in code order.")
public class IndicatorConnection extends Connection<Indicator, IndicatorEdge> {

    public IndicatorConnection(Page<Indicator> page) {
        super(page, IndicatorEdge::new);
    }
}
