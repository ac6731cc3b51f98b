package org.minsheng.observation;

import java.math.BigDecimal;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("DecimalRange")
@Description("Bounds on a decimal value; all given bounds must hold.")
public class DecimalRange {

    @Description("Greater than this.")
    public BigDecimal gt;

    @Description("Greater than or equal to this.")
    public BigDecimal gte;

    @Description("Less than this.")
    public BigDecimal lt;

    @Description("Less than or equal to this.")
    public BigDecimal lte;
}
