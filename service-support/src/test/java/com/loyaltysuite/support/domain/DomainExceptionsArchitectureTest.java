package com.loyaltysuite.support.domain;

import com.loyaltysuite.testsupport.ServiceArchitectureRules;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class DomainExceptionsArchitectureTest {

    @Test
    void theDomainExceptionsKnowNeitherTheWebNorKafka() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.loyaltysuite.support.domain");

        ServiceArchitectureRules.domainExceptionsAreNeutral().check(classes);
    }
}
