package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.taskforce.api.common.v1.AddressSelector;
import org.taskforce.api.common.v1.BusinessSelector;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.common.v1.PostalAddress;
import org.taskforce.api.common.v1.Selector;
import org.taskforce.api.deconfliction.v1.AcknowledgeConflictRequest;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingRequest;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.GetTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.TargetRegistration;
import org.taskforce.api.deconfliction.v1.UpdateTargetRegistrationRequest;
import org.taskforce.deconfliction.application.Bounds;
import org.taskforce.platform.grpc.UpdateMask;
import org.taskforce.platform.testing.ErrorDetails;

/** Issue 20 item 6: every field has a bound; over it is INVALID_ARGUMENT and nothing is stored. */
class BoundsTest extends DeconflictionTestBase {

  private static String chars(int n) {
    return "x".repeat(n);
  }

  private static Selector address(String line) {
    return Selector.newBuilder()
        .setAddress(
            AddressSelector.newBuilder()
                .setAddress(
                    PostalAddress.newBuilder()
                        .addAddressLines(line)
                        .setPostalCode("87102")
                        .setRegionCode("US")))
        .build();
  }

  private CreateTargetRegistrationRequest create(TargetRegistration r) {
    return CreateTargetRegistrationRequest.newBuilder().setRegistration(r).build();
  }

  @Test
  void overABound_isAFieldViolation_andNothingIsStored() {
    TargetRegistration ok = target(DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"));
    String someoneElses =
        register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0143"))
            .getRegistration()
            .getRegistrationId();
    Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
    Map<String, Runnable> calls = new LinkedHashMap<>();
    calls.put(
        "registration.point_of_contact.display_name",
        () ->
            as(hsi())
                .createTargetRegistration(
                    create(
                        ok.toBuilder()
                            .setPointOfContact(contact(chars(Bounds.NAME + 1)))
                            .build())));
    calls.put(
        "registration.case_reference",
        () ->
            as(hsi())
                .createTargetRegistration(
                    create(ok.toBuilder().setCaseReference(chars(Bounds.ID + 1)).build())));
    calls.put(
        "registration.selectors[0].address.address.address_lines[0]",
        () ->
            as(hsi())
                .createTargetRegistration(
                    create(
                        target(
                            DisclosureLevel.DISCLOSURE_LEVEL_OPEN,
                            address("1 " + chars(Bounds.NAME) + " St")))));
    calls.put(
        "registration.selectors[0].business.name",
        () ->
            as(hsi())
                .createTargetRegistration(
                    create(
                        target(
                            DisclosureLevel.DISCLOSURE_LEVEL_OPEN,
                            Selector.newBuilder()
                                .setBusiness(
                                    BusinessSelector.newBuilder().setName(chars(Bounds.NAME + 1)))
                                .build()))));
    calls.put(
        "request_id",
        () ->
            as(hsi())
                .createTargetRegistration(
                    create(ok).toBuilder().setRequestId(chars(Bounds.ID + 1)).build()));
    calls.put(
        "registration_id",
        () ->
            as(hsi())
                .getTargetRegistration(
                    GetTargetRegistrationRequest.newBuilder()
                        .setRegistrationId(chars(Bounds.ID + 1))
                        .build()));
    calls.put(
        "note",
        () ->
            as(hsi())
                .acknowledgeConflict(
                    AcknowledgeConflictRequest.newBuilder()
                        .setConflictId("c-1")
                        .setNote(chars(Bounds.NOTE + 1))
                        .build()));
    calls.put(
        "purpose",
        () ->
            as(hsi())
                .checkBeforeActing(
                    CheckBeforeActingRequest.newBuilder()
                        .addSelectors(phone("505-555-0142"))
                        .setPurpose(chars(Bounds.PURPOSE + 1))
                        .build()));
    calls.put(
        "registration.linked_target_registration_ids[0]",
        () ->
            registerEvent(
                hsi(),
                event(35.08, -106.65, 100, tomorrow, 2).toBuilder()
                    .addLinkedTargetRegistrationIds(someoneElses)
                    .build()));
    calls.put(
        "registration.linked_target_registration_ids",
        () ->
            registerEvent(
                hsi(),
                event(35.08, -106.65, 100, tomorrow, 2).toBuilder()
                    .addAllLinkedTargetRegistrationIds(
                        Collections.nCopies(Bounds.LINKED_IDS + 1, "t-1"))
                    .build()));
    calls.put(
        "update_mask.paths",
        () ->
            as(hsi())
                .updateTargetRegistration(
                    UpdateTargetRegistrationRequest.newBuilder()
                        .setRegistration(ok.toBuilder().setRegistrationId("t-1").setEtag("W/\"1\""))
                        .setUpdateMask(
                            FieldMask.newBuilder()
                                .addAllPaths(
                                    Collections.nCopies(UpdateMask.MAX_PATHS + 1, "selectors")))
                        .build()));

    calls.forEach((field, call) -> {
      StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::run);
      assertThat(e).as(field).isNotNull();
      assertThat(e.getStatus().getCode()).as(field).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(ErrorDetails.violations(e)).as(field).containsKey(field);
    });
    assertThat(database.getCollection("targets").countDocuments(new Document())).isEqualTo(1);
    assertThat(database.getCollection("events").countDocuments(new Document())).isZero();
  }

  @Test
  void anEventMayLinkItsOwnAgencysTargets() {
    String mine =
        register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"))
            .getRegistration()
            .getRegistrationId();
    var event =
        registerEvent(
                hsi(),
                event(35.08, -106.65, 100, Instant.now().plus(1, ChronoUnit.DAYS), 2).toBuilder()
                    .addLinkedTargetRegistrationIds(mine)
                    .build())
            .getRegistration();
    assertThat(event.getLinkedTargetRegistrationIdsList()).containsExactly(mine);
  }
}
