package org.taskforce.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layering every service keeps (STYLE.md): a domain free of frameworks, use cases that do not
 * reach into adapters and import neither MongoDB/BSON nor Resilience4j, and no package named {@code
 * case}. Each service's ArchitectureTest calls {@link #check(String)} with its base package.
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

  /**
   * What neither the domain nor the use cases import: storage (MongoDB driver, BSON) belongs in
   * {@code adapter/mongo}, resilience (Resilience4j breakers, retries) in the adapters that call
   * out.
   */
  public static final String[] INFRASTRUCTURE = {
    "com.mongodb..", "org.bson..", "io.github.resilience4j..",
  };

  private TaskforceArchitecture() {}

  public static void check(String basePackage) {
    check(
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(basePackage),
        basePackage);
  }

  /** The rules over {@code classes} of a service whose base package is {@code basePackage}. */
  public static void check(JavaClasses classes, String basePackage) {
    noClasses()
        .that()
        .resideInAnyPackage(basePackage + ".application..", basePackage + ".domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(INFRASTRUCTURE)
        .because(
            "storage and resilience are adapters' business: use cases and the domain reach them"
                + " through ports")
        .allowEmptyShould(true)
        .check(classes);

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
