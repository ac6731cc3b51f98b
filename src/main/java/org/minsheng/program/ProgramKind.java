package org.minsheng.program;

import org.eclipse.microprofile.graphql.Description;

import io.quarkus.runtime.annotations.RegisterForReflection;

@Description("What kind of public action a programme is.")
@RegisterForReflection
public enum ProgramKind {
    @Description("A plan or scheme with its own budget or quota, e.g. a recruitment plan.")
    PLAN,
    @Description("A policy document, regulation or set of measures.")
    POLICY,
    @Description("A time-bound campaign or special action.")
    CAMPAIGN,
    @Description("A pilot run in selected places before wider roll-out.")
    PILOT,
    @Description("A way of delivering a service, e.g. mutual-aid elderly care or community childcare stations.")
    SERVICE_MODEL,
    @Description("An online platform or app.")
    PLATFORM,
    @Description("A funded project or a set of projects.")
    PROJECT,
    @Description("A reform of how government works.")
    REFORM
}
