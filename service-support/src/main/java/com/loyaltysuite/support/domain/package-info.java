/**
 * The exceptions a domain throws, in a package that knows neither the web nor Kafka. Feature code
 * extends these; the adapters translate them (ProblemDetailsAdvice to problem+json, the dead-letter
 * classifier to "dead-letter at once").
 */
package com.loyaltysuite.support.domain;
