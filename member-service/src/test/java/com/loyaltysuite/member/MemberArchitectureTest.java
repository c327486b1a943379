package com.loyaltysuite.member;

import com.loyaltysuite.testsupport.ServiceArchitectureRules;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class MemberArchitectureTest {

    @Test
    void keepsTheServiceLayout() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.loyaltysuite.member");
        ServiceArchitectureRules.check(classes, "com.loyaltysuite.member");
    }
}
