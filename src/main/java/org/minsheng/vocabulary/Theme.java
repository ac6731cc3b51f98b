package org.minsheng.vocabulary;

import org.eclipse.microprofile.graphql.Description;

import io.quarkus.runtime.annotations.RegisterForReflection;

@Description("A livelihood domain that indicators and programmes belong to.")
@RegisterForReflection
public enum Theme {
    @Description("Jobs, job services and skills training.")
    EMPLOYMENT,
    @Description("Care services for older people.")
    ELDERLY_CARE,
    @Description("Care for children under three, and the services for new parents.")
    CHILDCARE,
    @Description("Rights and support of women and children.")
    WOMEN_AND_CHILDREN,
    @Description("Pension, unemployment, work-injury and medical insurance.")
    SOCIAL_INSURANCE,
    @Description("Minimum living support, relief and other help for people in difficulty.")
    SOCIAL_ASSISTANCE,
    @Description("Schools, universities and vocational education.")
    EDUCATION,
    @Description("Health care and medical services.")
    HEALTH,
    @Description("Household and personal income.")
    INCOME,
    @Description("Government services to the public: service counters, online services, one-stop handling.")
    PUBLIC_SERVICES,
    @Description("How many people live where, their sex, ages, ethnic groups and households.")
    POPULATION,
    @Description("Dwellings: floor area, rooms and amenities.")
    HOUSING
}
