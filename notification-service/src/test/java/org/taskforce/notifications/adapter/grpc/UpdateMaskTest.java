package org.taskforce.notifications.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taskforce.notifications.application.Bounds;
import org.taskforce.platform.error.FieldViolation;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.UpdateMask;

class UpdateMaskTest {
  static final List<String> UPDATABLE = List.of("url", "secret");

  @Test
  void namedFieldsAreTaken_andEachOtherPathIsAViolation() {
    Violations violations = new Violations();

    var paths =
        UpdateMask.paths(
            FieldMask.newBuilder()
                .addPaths("url")
                .addPaths("agency_id")
                .addPaths("x".repeat(150))
                .build(),
            UPDATABLE,
            violations);

    assertThat(paths).contains("url");
    assertThat(violations.list())
        .extracting(FieldViolation::field)
        .containsExactly("update_mask", "update_mask");
    assertThat(violations.list().get(0).description())
        .isEqualTo("\"agency_id\" cannot be changed; updatable: url, secret");
    assertThat(violations.list().get(1).description()).startsWith("\"" + "x".repeat(100) + "…\"");
  }

  @Test
  void tooManyPaths_isAViolationOfThePaths() {
    FieldMask.Builder mask = FieldMask.newBuilder();
    for (int index = 0; index <= Bounds.UPDATE_MASK_PATHS; index++) {
      mask.addPaths("url");
    }
    Violations violations = new Violations();

    UpdateMask.paths(mask.build(), UPDATABLE, violations);

    assertThat(violations.list())
        .extracting(FieldViolation::field)
        .containsExactly("update_mask.paths");
  }

  @Test
  void anEmptyMask_changesNothing() {
    Violations violations = new Violations();
    assertThat(UpdateMask.paths(FieldMask.getDefaultInstance(), UPDATABLE, violations)).isEmpty();
    assertThat(violations.isEmpty()).isTrue();
  }
}
