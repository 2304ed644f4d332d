package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.FieldMask;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.common.v1.GeoPoint;
import org.taskforce.api.deconfliction.v1.EventRegistration;
import org.taskforce.api.deconfliction.v1.TargetRegistration;
import org.taskforce.api.deconfliction.v1.UpdateEventRegistrationRequest;
import org.taskforce.api.deconfliction.v1.UpdateTargetRegistrationRequest;

/**
 * An update stores the new version, then moves its index entries (adds the new, removes the old). A
 * process that dies in between must not leave the old version's entries behind: the repair sweep
 * (or the next update) takes them out, so the registration stops matching what it no longer holds.
 */
class CrashedUpdateTest extends CrashTestBase {
  /** The index keys under which a registration is stored. */
  private Set<String> keysOf(String registrationId) {
    Set<String> keys = new HashSet<>();
    for (Document d : database.getCollection("match_index").find()) {
      List<String> entries = d.getList("e", String.class);
      if (entries != null
          && entries.stream()
              .anyMatch(e ->
                  org.taskforce.deconfliction.domain.IndexEntry.decode(e)
                      .registrationId()
                      .equals(registrationId))) {
        keys.add(d.getString("_id"));
      }
    }
    return keys;
  }

  @Test
  void aTargetUpdateThatDiedBeforeMovingItsEntries_stopsMatchingTheOldSelector_afterTheSweep() {
    TargetRegistration hsi =
        register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0181"))
            .getRegistration();
    Set<String> before = keysOf(hsi.getRegistrationId());

    CRASH_AT.set("target.replaced");
    catchThrowableOfType(
        StatusRuntimeException.class,
        () ->
            as(hsi())
                .updateTargetRegistration(
                    UpdateTargetRegistrationRequest.newBuilder()
                        .setRegistration(
                            hsi.toBuilder().clearSelectors().addSelectors(phone("505-555-0182")))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("selectors"))
                        .build()));
    assertThat(repair.sweep()).isEqualTo(1);

    assertThat(keysOf(hsi.getRegistrationId())).isNotEmpty().doesNotContainAnyElementsOf(before);
    assertThat(
            register(fbi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0181"))
                .getHitsList())
        .as("the selector HSI's registration no longer holds")
        .isEmpty();
    assertThat(
            register(fbi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0182"))
                .getHitsList())
        .singleElement()
        .satisfies(h -> assertThat(h.getOwnerAgency().getAgencyId()).isEqualTo(HSI));
  }

  @Test
  void anEventUpdateThatDiedBeforeMovingItsEntries_leavesNoOldCellsBehind_afterTheSweep() {
    Instant start = Instant.now().plus(1, ChronoUnit.DAYS);
    EventRegistration created =
        registerEvent(apd(), event(35.0844, -106.6504, 100, start, 2)).getRegistration();
    Set<String> before = keysOf(created.getRegistrationId());

    CRASH_AT.set("event.replaced");
    catchThrowableOfType(
        StatusRuntimeException.class,
        () ->
            as(apd())
                .updateEventRegistration(
                    UpdateEventRegistrationRequest.newBuilder()
                        .setRegistration(
                            created.toBuilder()
                                .setLocation(
                                    GeoPoint.newBuilder()
                                        .setLatitude(36.4072)
                                        .setLongitude(-105.5731)))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("location"))
                        .build()));
    assertThat(repair.sweep()).isEqualTo(1);

    assertThat(keysOf(created.getRegistrationId()))
        .isNotEmpty()
        .doesNotContainAnyElementsOf(before);
    assertThat(count("pending_registrations")).isZero();
  }
}
