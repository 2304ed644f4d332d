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
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.common.v1.GeoPoint;
import org.taskforce.api.deconfliction.v1.CreateEventRegistrationRequest;
import org.taskforce.api.deconfliction.v1.EventRegistration;
import org.taskforce.api.deconfliction.v1.TargetRegistration;
import org.taskforce.api.deconfliction.v1.UpdateEventRegistrationRequest;
import org.taskforce.api.deconfliction.v1.UpdateTargetRegistrationRequest;
import org.taskforce.deconfliction.application.RegistrationRepair;
import org.taskforce.platform.faults.WriteSeams;

/**
 * An update stores the new version, then moves its index entries (adds the new, removes the old). A
 * process that dies in between must not leave the old version's entries behind: the repair sweep
 * (or the next update) takes them out, so the registration stops matching what it no longer holds.
 */
@Import(CrashedUpdateTest.Seams.class)
@TestPropertySource(
    properties = {
      "taskforce.deconfliction.repair.grace=0s",
      "taskforce.deconfliction.repair.enabled=false"
    })
class CrashedUpdateTest extends DeconflictionTestBase {
  static final AtomicReference<String> CRASH_AT = new AtomicReference<>("");

  @TestConfiguration
  static class Seams {
    @Bean
    @Primary
    WriteSeams crashingSeams() {
      return step -> {
        if (CRASH_AT.compareAndSet(step, "")) {
          throw new IllegalStateException("simulated crash after " + step);
        }
      };
    }
  }

  @Autowired RegistrationRepair repair;

  @AfterEach
  void disarm() {
    CRASH_AT.set("");
  }

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
        as(apd())
            .createEventRegistration(
                CreateEventRegistrationRequest.newBuilder()
                    .setRegistration(event(35.0844, -106.6504, 100, start, 2))
                    .build())
            .getRegistration();
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
    assertThat(count()).isZero();
  }

  private long count() {
    return database.getCollection("pending_registrations").countDocuments();
  }
}
