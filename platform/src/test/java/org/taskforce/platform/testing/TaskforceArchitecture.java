package org.taskforce.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layering every service keeps (STYLE.md): a domain free of frameworks, use cases that do not
 * reach into adapters, and no package named {@code case}. Each service's ArchitectureTest calls
 * {@link #check(String)} with its base package.
 */
public final class TaskforceArchitecture {
  /** What the domain never imports: frameworks, transports, storage and generated contracts. */
  public static final String[] FRAMEWORKS = {
    "org.springframework..",
    "io.grpc..",
    "com.google.protobuf..",
    "com.google.rpc..",
    "com.mongodb..",
    "org.bson..",
    "org.taskforce.api..",
    "org.taskforce.platform.grpc..",
    "org.taskforce.platform.mongo..",
    "org.taskforce.platform.config..",
  };

  private TaskforceArchitecture() {}

  public static void check(String basePackage) {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(basePackage);

    noClasses()
        .that()
        .resideInAPackage(basePackage + ".domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FRAMEWORKS)
        .because("the domain is plain Java: it must be testable and movable without frameworks")
        .allowEmptyShould(true)
        .check(classes);

    noClasses()
        .that()
        .resideInAPackage(basePackage + ".application..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(basePackage + ".adapter..")
        .because("use cases talk to the outside through ports, not adapters")
        .allowEmptyShould(true)
        .check(classes);

    noClasses()
        .should()
        .resideInAPackage("..case..")
        .because("'case' is a Java keyword; use 'cases'")
        .allowEmptyShould(true)
        .check(classes);
  }
}
