package org.taskforce.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;

class ProtoEnumsTest {
  /** What a message returns for an enum number this contract does not know (a newer client). */
  private static DisclosureLevel unknown() {
    return org.taskforce.api.deconfliction.v1.TargetRegistration.newBuilder()
        .setDisclosureLevelValue(99)
        .build()
        .getDisclosureLevel();
  }

  @Test
  void unsetIsNull_knownIsItself_unknownIsInvalidArgumentOnTheField() {
    assertThat(ProtoEnums.optional(DisclosureLevel.DISCLOSURE_LEVEL_UNSPECIFIED, "d")).isNull();
    assertThat(ProtoEnums.optional(DisclosureLevel.DISCLOSURE_LEVEL_OPEN, "d"))
        .isEqualTo(DisclosureLevel.DISCLOSURE_LEVEL_OPEN);
    TaskforceException e =
        catchThrowableOfType(
            TaskforceException.class, () -> ProtoEnums.optional(unknown(), "registration.d"));
    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
    assertThat(e.violations().get(0).field()).isEqualTo("registration.d");
  }

  @Test
  void requiredRefusesUnsetAndUnknown_knownListsDropUnsetAndNameEachUnknown() {
    for (DisclosureLevel d : List.of(DisclosureLevel.DISCLOSURE_LEVEL_UNSPECIFIED, unknown())) {
      assertThat(
              catchThrowableOfType(
                      TaskforceException.class, () -> ProtoEnums.required(d, "level", "say which"))
                  .kind())
          .isEqualTo(ErrorKind.INVALID_ARGUMENT);
    }
    Violations v = new Violations();
    List<DisclosureLevel> known =
        ProtoEnums.known(
            List.of(
                DisclosureLevel.DISCLOSURE_LEVEL_OPEN,
                DisclosureLevel.DISCLOSURE_LEVEL_UNSPECIFIED,
                unknown()),
            "levels",
            v);
    assertThat(known).containsExactly(DisclosureLevel.DISCLOSURE_LEVEL_OPEN);
    assertThat(v.list())
        .singleElement()
        .satisfies(f -> assertThat(f.field()).isEqualTo("levels[2]"));
    assertThat(ProtoEnums.isSet(unknown())).isFalse();
  }
}
