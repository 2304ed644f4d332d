package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.deconfliction.v1.Conflict;
import org.taskforce.api.deconfliction.v1.GetConflictRequest;
import org.taskforce.api.deconfliction.v1.ListConflictsRequest;
import org.taskforce.api.deconfliction.v1.TargetRegistration;
import org.taskforce.api.deconfliction.v1.UpdateTargetRegistrationRequest;

/**
 * Issue review item (c): what the other side of a conflict may see follows the registration's
 * current disclosure, not the one it had when the conflict arose — never more than it allows now.
 */
class DisclosureChangeTest extends DeconflictionTestBase {

  private TargetRegistration setDisclosure(String token, TargetRegistration r, DisclosureLevel d) {
    return as(token)
        .updateTargetRegistration(
            UpdateTargetRegistrationRequest.newBuilder()
                .setRegistration(r.toBuilder().setDisclosureLevel(d))
                .setUpdateMask(FieldMask.newBuilder().addPaths("disclosure_level"))
                .build())
        .getRegistration();
  }

  private Conflict asHsi(String id) {
    return as(hsi())
        .getConflict(GetConflictRequest.newBuilder().setConflictId(id).build())
        .getConflict();
  }

  @Test
  void
      restrictingARegistration_hidesItsExistingConflictsFromTheOtherSide_andOpeningShowsThemAgain() {
    TargetRegistration apd =
        register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0151"))
            .getRegistration();
    String id =
        register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0151"))
            .getHits(0)
            .getConflictId();
    assertThat(asHsi(id).getSidesList())
        .anySatisfy(s -> assertThat(s.getPointOfContact().getDisplayName()).isNotEmpty());

    apd = setDisclosure(apd(), apd, DisclosureLevel.DISCLOSURE_LEVEL_RESTRICTED);

    var hidden = catchThrowableOfType(StatusRuntimeException.class, () -> asHsi(id));
    assertThat(hidden.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            as(hsi()).listConflicts(ListConflictsRequest.getDefaultInstance()).getConflictsList())
        .isEmpty();
    // The restricted owner still reads it (it decides whether to reach out).
    assertThat(
            as(apd())
                .getConflict(GetConflictRequest.newBuilder().setConflictId(id).build())
                .getConflict()
                .getConflictId())
        .isEqualTo(id);

    setDisclosure(apd(), apd, DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY);

    Conflict agencyOnly = asHsi(id);
    assertThat(agencyOnly.getSidesList())
        .filteredOn(s -> s.getAgency().getAgencyId().equals(APD))
        .singleElement()
        .satisfies(s -> {
          assertThat(s.getDisclosureLevel())
              .isEqualTo(DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY);
          assertThat(s.getPointOfContact().getDisplayName()).isEmpty();
        });
  }
}
