package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingRequest;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.GetTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.ListConflictsRequest;
import org.taskforce.api.deconfliction.v1.ListEventRegistrationsRequest;
import org.taskforce.api.deconfliction.v1.ListReviewItemsRequest;
import org.taskforce.api.deconfliction.v1.ListTargetRegistrationsRequest;
import org.taskforce.api.deconfliction.v1.RequiredAction;
import org.taskforce.api.deconfliction.v1.ResolveConflictRequest;
import org.taskforce.api.deconfliction.v1.TargetRegistration;
import org.taskforce.api.deconfliction.v1.UpdateTargetRegistrationRequest;
import org.taskforce.platform.testing.ErrorDetails;

/**
 * Issue 18 item 3 (unset disclosure is the agency's default, AGENCY_ONLY, never OPEN) and issue 20
 * item 7 (unknown enum numbers are INVALID_ARGUMENT, never INTERNAL).
 */
class DisclosureAndEnumsTest extends DeconflictionTestBase {

  private static TargetRegistration unsetDisclosure(String phone) {
    return target(DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone(phone)).toBuilder()
        .clearDisclosureLevel()
        .build();
  }

  @Test
  void aRegistrationWithoutDisclosure_isAgencyOnly_soItsContactIsNeverShown() {
    var mine =
        as(hsi())
            .createTargetRegistration(
                CreateTargetRegistrationRequest.newBuilder()
                    .setRegistration(unsetDisclosure("505-555-0142"))
                    .build())
            .getRegistration();
    assertThat(mine.getDisclosureLevel()).isEqualTo(DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY);

    var hit =
        register(fbi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142")).getHits(0);
    assertThat(hit.getDisclosureLevel()).isEqualTo(DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY);
    assertThat(hit.getOwnerAgency().getAgencyId()).isEqualTo(HSI);
    assertThat(hit.hasOwnerContact()).isFalse();
    assertThat(hit.getRequiredAction()).isEqualTo(RequiredAction.REQUIRED_ACTION_AWAIT_OWNER);

    var event =
        registerEvent(
                hsi(),
                event(35.08, -106.65, 100, Instant.now().plus(1, ChronoUnit.DAYS), 2).toBuilder()
                    .clearDisclosureLevel()
                    .build())
            .getRegistration();
    assertThat(event.getDisclosureLevel()).isEqualTo(DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY);

    var checked =
        as(hsi())
            .checkBeforeActing(
                CheckBeforeActingRequest.newBuilder()
                    .addSelectors(phone("505-555-0177"))
                    .setPurpose("warrant 2026-1")
                    .setRegister(true)
                    .setPointOfContact(contact("Det. Rivera"))
                    .build());
    var registered =
        as(hsi())
            .getTargetRegistration(
                GetTargetRegistrationRequest.newBuilder()
                    .setRegistrationId(checked.getTargetRegistrationIds(0))
                    .build())
            .getRegistration();
    assertThat(registered.getDisclosureLevel())
        .isEqualTo(DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY);
  }

  @Test
  void anUnknownDisclosureNumber_isInvalidArgument_andNothingIsStored() {
    StatusRuntimeException e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                as(hsi())
                    .createTargetRegistration(
                        CreateTargetRegistrationRequest.newBuilder()
                            .setRegistration(
                                unsetDisclosure("505-555-0142").toBuilder()
                                    .setDisclosureLevelValue(99))
                            .build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(ErrorDetails.violations(e)).containsKey("registration.disclosure_level");
    assertThat(database.getCollection("targets").countDocuments(new Document())).isZero();
  }

  @Test
  void anUpdateNamingDisclosureWithoutSettingIt_isInvalidArgument() {
    var r = register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_RESTRICTED, phone("505-555-0142"));
    StatusRuntimeException e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                as(hsi())
                    .updateTargetRegistration(
                        UpdateTargetRegistrationRequest.newBuilder()
                            .setRegistration(
                                TargetRegistration.newBuilder()
                                    .setRegistrationId(r.getRegistration().getRegistrationId())
                                    .setEtag(r.getRegistration().getEtag()))
                            .setUpdateMask(FieldMask.newBuilder().addPaths("disclosure_level"))
                            .build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(ErrorDetails.violations(e)).containsKey("registration.disclosure_level");
  }

  @Test
  void unknownEnumNumbersInListsAndResolutions_areInvalidArgument_neverInternal() {
    String conflictId =
        register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"))
            .getRegistration()
            .getRegistrationId();
    Map<String, Runnable> calls =
        Map.of(
            "statuses[0]",
            () ->
                as(hsi())
                    .listConflicts(ListConflictsRequest.newBuilder().addStatusesValue(99).build()),
            "kinds[0]",
            () ->
                as(hsi())
                    .listConflicts(ListConflictsRequest.newBuilder().addKindsValue(42).build()),
            "statuses[1]",
            () ->
                as(hsi())
                    .listTargetRegistrations(
                        ListTargetRegistrationsRequest.newBuilder()
                            .addStatusesValue(1)
                            .addStatusesValue(77)
                            .build()),
            "statuses[0] ",
            () ->
                as(hsi())
                    .listEventRegistrations(
                        ListEventRegistrationsRequest.newBuilder().addStatusesValue(77).build()),
            "statuses[0]  ",
            () ->
                as(watchOfficer())
                    .listReviewItems(
                        ListReviewItemsRequest.newBuilder().addStatusesValue(9).build()),
            "resolution",
            () ->
                as(hsi())
                    .resolveConflict(
                        ResolveConflictRequest.newBuilder()
                            .setConflictId(conflictId)
                            .setResolutionValue(12)
                            .setEtag("W/\"1\"")
                            .build()),
            "registration.event_type",
            () ->
                registerEvent(
                    hsi(),
                    event(35.08, -106.65, 100, Instant.now().plus(1, ChronoUnit.DAYS), 2)
                        .toBuilder()
                        .setEventTypeValue(50)
                        .build()));
    calls.forEach((field, call) -> {
      StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::run);
      assertThat(e.getStatus().getCode()).as(field).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(ErrorDetails.violations(e)).as(field).containsKey(field.trim());
    });
  }
}
