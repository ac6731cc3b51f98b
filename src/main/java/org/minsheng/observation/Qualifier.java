package org.minsheng.observation;

import org.eclipse.microprofile.graphql.Description;

import io.quarkus.runtime.annotations.RegisterForReflection;

@Description("How a published value relates to the true figure. \"1870余家\" is MORE_THAN 1870, not 1870.")
@RegisterForReflection
public enum Qualifier {
    @Description("The value as stated, with no qualifying word.")
    EXACT,
    @Description("About the value (约, 左右).")
    APPROXIMATE,
    @Description("More than the value (余, 多, 超过).")
    MORE_THAN,
    @Description("The value or more (以上, 至少, 不少于).")
    AT_LEAST,
    @Description("Less than the value (不足, 不到).")
    LESS_THAN,
    @Description("The value or less (不超过, 至多).")
    AT_MOST
}
