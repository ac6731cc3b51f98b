package org.minsheng.indicator;

import org.eclipse.microprofile.graphql.Description;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The units values are stored in. Values are always in the base unit: "20.1万人" is 201000
 * PERSON, "458万元" is 4580000 YUAN.
 */
@RegisterForReflection
@Description("The units values are stored in, always the base unit: \"20.1万人\" is 201000 PERSON.")
public enum UnitOfMeasure {
    @Description("People.")
    PERSON(null, "person", "人", "人", "persons"),
    @Description("Person-times (人次): one person counted once per visit or service.")
    PERSON_TIME(null, "person-time", "人次", "人次", "person-times"),
    @Description("A percentage.")
    PERCENT("%", "percent", "百分比", "%", "%"),
    @Description("A difference of percentages, in points.")
    PERCENTAGE_POINT("pp", "percentage point", "百分点", "个百分点", "percentage points"),
    @Description("Renminbi yuan.")
    YUAN("¥", "yuan", "元", "元", "yuan"),
    @Description("Square metres.")
    SQUARE_METRE("m²", "square metre", "平方米", "平方米", "m²"),
    @Description("Things counted: places, projects, kinds.")
    ITEM(null, "item", "个", "个", "items"),
    @Description("Years, as a length of time (average years of schooling).")
    YEAR(null, "year", "年", "年", "years"),
    @Description("A ratio of two counts, which the indicator's description defines (men per 100 women).")
    RATIO(null, "ratio", "比值", "", "");

    public final String symbol;
    public final String nameEn;
    public final String nameZh;
    /** Word written after a number in Chinese (量词 or unit), unless the indicator names its own. */
    public final String counterZh;
    /** Plural word written after a number in English, unless the indicator names its own. */
    public final String counterEn;

    UnitOfMeasure(String symbol, String nameEn, String nameZh, String counterZh, String counterEn) {
        this.symbol = symbol;
        this.nameEn = nameEn;
        this.nameZh = nameZh;
        this.counterZh = counterZh;
        this.counterEn = counterEn;
    }

    public boolean isPercent() {
        return this == PERCENT;
    }

    public Unit toGraph() {
        return new Unit(name(), symbol, nameEn, nameZh);
    }
}
