package org.taskforce.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.taskforce.platform.testing.TaskforceArchitecture;

class ArchitectureTest {

  @Test
  void errorModelAndPrincipal_arePlainJava_soServiceDomainsMayUseThem() {
    var classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.taskforce.platform");
    noClasses()
        .that()
        .resideInAPackage("org.taskforce.platform.error..")
        .or()
        .haveSimpleName("AgencyPrincipal")
        .or()
        .haveSimpleName("AgencyType")
        .or()
        .haveSimpleName("Roles")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(TaskforceArchitecture.FRAMEWORKS)
        .check(classes);
  }
}
