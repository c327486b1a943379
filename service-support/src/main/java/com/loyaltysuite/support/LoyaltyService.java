package com.loyaltysuite.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service's application class with its bounded context's name (e.g. {@code points}). From
 * the name come its config file ({@code points-service.yml}), PostgreSQL schema, Flyway location,
 * Kafka consumer group and meter prefix, so that five services can also share one JVM (local run,
 * end-to-end test) without their settings colliding. See {@code ServiceConventions}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface LoyaltyService {

    /** The context's name: lower case, one word. */
    String value();
}
