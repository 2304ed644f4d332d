package org.taskforce.platform.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.taskforce.platform.etag.Etags;

class IdChecksTest {

  @Test
  void aRequiredId_missingOrLongerThanAnyOfOurs_isABadField() {
    assertThat(IdChecks.required("tip_id", "t0193")).isEqualTo("t0193");
    assertThat(IdChecks.required("tip_id", "x".repeat(128))).hasSize(128);
    for (String bad : new String[] {null, "", "  ", "x".repeat(129)}) {
      TaskforceException e =
          catchThrowableOfType(TaskforceException.class, () -> IdChecks.required("tip_id", bad));
      assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
      assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("tip_id");
    }
  }

  @Test
  void optionalIdsAndRequestIds_areBoundedOnly() {
    Violations v = new Violations();
    IdChecks.checkLength(v, "agency_id", null);
    IdChecks.checkLength(v, "agency_id", "");
    IdChecks.checkLength(v, "agency_id", "a".repeat(128));
    v.throwIfAny();
    IdChecks.checkLength(v, "duplicate_of_tip_id", "a".repeat(129));
    var e = catchThrowableOfType(TaskforceException.class, v::throwIfAny);
    assertThat(e.violations())
        .extracting(FieldViolation::field)
        .containsExactly("duplicate_of_tip_id");
    assertThat(IdChecks.requestId("")).isEmpty();
    var r =
        catchThrowableOfType(TaskforceException.class, () -> IdChecks.requestId("r".repeat(129)));
    assertThat(r.violations()).extracting(FieldViolation::field).containsExactly("request_id");
  }

  @Test
  void aRequiredEtag_missingIsABadField_andOneNamingNoVersionIsStale() {
    assertThat(Etags.required("etag", "W/\"3\"")).isEqualTo(3);
    assertThat(Etags.required("etag", "\"3\"")).isEqualTo(3);
    assertThat(Etags.required("etag", " 3 ")).isEqualTo(3);
    assertThat(Etags.required("etag", "yesterday")).isEqualTo(-1);
    var e = catchThrowableOfType(TaskforceException.class, () -> Etags.required("etag", " "));
    assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("etag");
  }
}
