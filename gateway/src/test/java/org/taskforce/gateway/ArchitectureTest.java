package org.taskforce.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.taskforce.platform.testing.TaskforceArchitecture;

/**
 * The gateway keeps the rules every service keeps, and holds no business state: it routes,
 * transcodes and checks tokens. It keeps two kinds of its own state in MongoDB, the rate limits'
 * token buckets and the console's sessions, and only their stores (and the configuration that opens
 * the sessions' database) may touch a database.
 */
class ArchitectureTest {
  private static final String BASE = "org.taskforce.gateway";

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(BASE);

  @Test
  void layersStayApart() {
    TaskforceArchitecture.check(CLASSES, BASE);
  }

  @Test
  void onlyTheRateLimitsAndSessionStoresTouchADatabase() {
    noClasses()
        .that()
        .resideOutsideOfPackages("..gateway.web..", "..gateway.console.session..")
        .and()
        .doNotHaveSimpleName("ConsoleSessionConfiguration")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.mongodb..", "org.bson..", "org.taskforce.platform.mongo..")
        .because("the gateway holds no business state; the services own their databases")
        .check(CLASSES);
  }
}
