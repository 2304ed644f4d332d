package org.taskforce.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The layering every service keeps (STYLE.md): adapters depend on use cases, use cases on the
 * domain and their ports only; a domain free of frameworks; neither use cases nor the domain import
 * MongoDB/BSON, gRPC, protobuf (our generated contracts included) or Resilience4j; no service
 * imports another; no package named {@code case}. The rules hold in every bounded context of a
 * service too ({@code org.taskforce.cases.intake.application} is a use-case package like {@code
 * org.taskforce.cases.application}). Each service's ArchitectureTest calls {@link #check(String)}
 * with its base package.
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
   * {@code adapter/mongo}, transport (gRPC, protobuf, the generated contracts) in {@code
   * adapter/grpc} and the peer clients, resilience (Resilience4j breakers, retries) in the adapters
   * that call out.
   */
  public static final String[] INFRASTRUCTURE = {
    "com.mongodb..",
    "org.bson..",
    "io.grpc..",
    "com.google.protobuf..",
    "com.google.rpc..",
    "org.taskforce.api..",
    "io.github.resilience4j..",
  };

  /** The services' base packages: none imports another (they talk over gRPC). */
  public static final List<String> SERVICES =
      List.of(
          "org.taskforce.cases",
          "org.taskforce.deconfliction",
          "org.taskforce.notifications",
          "org.taskforce.gateway");

  private TaskforceArchitecture() {}

  public static void check(String basePackage) {
    check(
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(basePackage),
        basePackage);
  }

  /** No class in the packages {@code from} may depend on one in {@code to}, for {@code reason}. */
  private static ArchRule mayNotDepend(String[] from, String[] to, String reason) {
    return noClasses()
        .that()
        .resideInAnyPackage(from)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(to)
        .because(reason)
        .allowEmptyShould(true);
  }

  /** The rules over {@code classes} of a service whose base package is {@code basePackage}. */
  public static void check(JavaClasses classes, String basePackage) {
    String useCases = basePackage + "..application..";
    String domain = basePackage + "..domain..";
    String adapters = basePackage + "..adapter..";
    String wiring = basePackage + "..config..";
    List<ArchRule> rules = new ArrayList<>();
    rules.add(
        mayNotDepend(
            new String[] {useCases, domain},
            INFRASTRUCTURE,
            "storage, transport and resilience are adapters' business: use cases and the domain"
                + " reach them through ports"));
    rules.add(
        mayNotDepend(
            new String[] {domain},
            FRAMEWORKS,
            "the domain is plain Java: it must be testable and movable without frameworks"));
    rules.add(
        mayNotDepend(
            new String[] {domain},
            new String[] {useCases, adapters, wiring},
            "the domain is the centre: use cases and adapters depend on it, not it on them"));
    rules.add(
        mayNotDepend(
            new String[] {useCases},
            new String[] {adapters, wiring},
            "use cases talk to the outside through ports, not adapters"));
    rules.add(
        mayNotDepend(
            new String[] {adapters},
            new String[] {wiring},
            "adapters depend on use cases and ports; wiring depends on them, not the reverse"));
    String[] otherServices =
        SERVICES.stream()
            .filter(service -> !service.equals(basePackage))
            .map(service -> service + "..")
            .toArray(String[]::new);
    rules.add(
        mayNotDepend(
            new String[] {basePackage + ".."},
            otherServices,
            "services share contracts (proto/) and platform/, never each other's code"));
    rules.add(
        noClasses()
            .should()
            .resideInAPackage("..case..")
            .because("'case' is a Java keyword; use 'cases'")
            .allowEmptyShould(true));
    // One check of all rules, so a failure names every broken rule, not only the first.
    CompositeArchRule.of(rules).check(classes);
  }
}
