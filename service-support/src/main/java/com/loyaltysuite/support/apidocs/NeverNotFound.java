package com.loyaltysuite.support.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an endpoint whose path names something that is never unknown (a member's delivery log is empty
 * rather than missing, any day has a report): its API docs list no 404, which {@link
 * ApiDocsConfiguration} otherwise adds wherever the path has a variable.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NeverNotFound {}
