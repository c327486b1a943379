package com.loyaltysuite.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layout rules every service keeps (STYLE.md §1): business rules stay out of the adapters, and
 * the adapters ({@code api}, {@code messaging}) only translate and dispatch.
 */
public final class ServiceArchitectureRules {

    private ServiceArchitectureRules() {}

    public static List<ArchRule> all(String basePackage) {
        return List.of(
                noClasses()
                        .that()
                        .resideInAPackage(basePackage + "..")
                        .and()
                        .resideOutsideOfPackages(basePackage + ".api..", basePackage + ".messaging..", basePackage + ".config..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(
                                basePackage + ".api..",
                                basePackage + ".messaging..",
                                "org.springframework.web..",
                                "org.apache.kafka..",
                                "org.springframework.kafka..")
                        .as("features do not depend on web or Kafka adapters")
                        .allowEmptyShould(true),
                noClasses()
                        .that()
                        .resideInAPackage(basePackage + "..")
                        .and()
                        .resideOutsideOfPackages(basePackage + ".api..", basePackage + ".messaging..", basePackage + ".config..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage("com.loyaltysuite.support.web..", "com.loyaltysuite.support.messaging..")
                        .as("domain code, its exceptions included, knows neither the web nor the Kafka plumbing"
                                + " (it throws support.domain exceptions, which the adapters translate)")
                        .allowEmptyShould(true),
                noClasses()
                        .that()
                        .resideInAPackage(basePackage + ".api..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(basePackage + ".messaging..")
                        .as("the HTTP API does not reach into messaging")
                        .allowEmptyShould(true),
                noClasses()
                        .that()
                        .resideInAPackage(basePackage + ".messaging..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(basePackage + ".api..")
                        .as("messaging does not reach into the HTTP API")
                        .allowEmptyShould(true),
                noClasses()
                        .should()
                        .accessClassesThat()
                        .haveFullyQualifiedName("java.lang.Thread")
                        .as("no sleeping or hand-made threads; use the framework's schedulers")
                        .allowEmptyShould(true));
    }

    /** The neutral package the domain exceptions live in depends on nothing but the JDK. */
    public static ArchRule domainExceptionsAreNeutral() {
        return noClasses()
                .that()
                .resideInAPackage("com.loyaltysuite.support.domain..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages("java..", "com.loyaltysuite.support.domain..")
                .as("the domain exceptions depend on nothing but the JDK");
    }

    public static void check(JavaClasses classes, String basePackage) {
        all(basePackage).forEach(rule -> rule.check(classes));
    }
}
