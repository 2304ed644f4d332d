package org.taskforce.platform.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The layering rules catch what they promise (fixtures under {@code archfixture}). */
class TaskforceArchitectureTest {
  private static final String FIXTURE = "org.taskforce.platform.archfixture";

  @Test
  void mongoOrBsonInAUseCase_andResilience4jInTheDomain_areRefused() {
    var classes = new ClassFileImporter().importPackages(FIXTURE);
    assertThatThrownBy(() -> TaskforceArchitecture.check(classes, FIXTURE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("StoresDocuments")
        .hasMessageContaining("org.bson.Document")
        .hasMessageContaining("GuardsItself")
        .hasMessageContaining("io.github.resilience4j.circuitbreaker.CircuitBreaker")
        .message()
        .doesNotContain("MongoAdapter");
  }

  @Test
  void grpcOrProtobufInAUseCase_aDomainCallingAUseCase_andABoundedContextsUseCase_areRefused() {
    var classes = new ClassFileImporter().importPackages(FIXTURE);
    assertThatThrownBy(() -> TaskforceArchitecture.check(classes, FIXTURE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("AnswersWithStatus")
        .hasMessageContaining("io.grpc.Status")
        .hasMessageContaining("ReachesUseCase")
        .hasMessageContaining("BuildsProtos")
        .hasMessageContaining("com.google.protobuf.Timestamp");
  }

  @Test
  void mongoInAnAdapter_isFine() {
    var classes = new ClassFileImporter().importPackages(FIXTURE + ".adapter");
    assertThatCode(() -> TaskforceArchitecture.check(classes, FIXTURE)).doesNotThrowAnyException();
  }
}
