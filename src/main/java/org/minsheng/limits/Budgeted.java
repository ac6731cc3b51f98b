package org.minsheng.limits;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * The calls of a service that reads from memory (the catalogue): inside a GraphQL operation whose
 * {@link ExecutionBudget} is spent, refused before they run, as a database read is (a batch that was
 * already waiting when the budget ran out resolves nothing).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface Budgeted {
}
