package org.taskforce.deconfliction.adapter.grpc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.common.v1.GeoPoint;
import org.taskforce.api.common.v1.PersonSelector;
import org.taskforce.api.common.v1.PhoneSelector;
import org.taskforce.api.common.v1.PointOfContact;
import org.taskforce.api.common.v1.Selector;
import org.taskforce.api.common.v1.TimeWindow;
import org.taskforce.api.common.v1.VehicleVinSelector;
import org.taskforce.api.deconfliction.v1.CreateEventRegistrationRequest;
import org.taskforce.api.deconfliction.v1.CreateEventRegistrationResponse;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationResponse;
import org.taskforce.api.deconfliction.v1.DeconflictionServiceGrpc;
import org.taskforce.api.deconfliction.v1.EventRegistration;
import org.taskforce.api.deconfliction.v1.EventType;
import org.taskforce.api.deconfliction.v1.TargetRegistration;
import org.taskforce.platform.testing.BearerCredentials;
import org.taskforce.platform.testing.ServiceTestBase;

/**
 * Boots the whole service on free ports with an in-memory embedded MongoDB, WireMock as Keycloak
 * and a fake notification-service, and gives tests stubs that call it as users of the task force.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "taskforce.deconfliction.retention.enabled=false",
      "taskforce.deconfliction.case-feed.enabled=false"
    })
public abstract class DeconflictionTestBase extends ServiceTestBase {
  /** case-service as the subject feed calls it; the feed is off unless a test turns it on. */
  static final FakeCaseService CASES = new FakeCaseService();

  static final List<String> COLLECTIONS =
      List.of(
          "targets",
          "events",
          "match_index",
          "conflicts",
          "review_items",
          "outbox",
          "audit_log",
          "pending_registrations",
          // the report's check counts go with the audit trail
          "report_tallies",
          "audit_tally_intents",
          "record_tally_intents",
          "report_tally_parked");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.grpc.client.channels.cases.address", CASES::address);
  }

  @BeforeEach
  void cleanUp() {
    clean(
        COLLECTIONS,
        () -> {
          CASES.clear();
          CASES.setDown(false);
        });
  }

  // ---- callers

  protected DeconflictionServiceGrpc.DeconflictionServiceBlockingStub as(String token) {
    return DeconflictionServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(BearerCredentials.of(token));
  }

  protected static String investigator(String agency, String agencyType) {
    return REALM.investigator(agency, agencyType);
  }

  protected static final String APD = "apd";
  protected static final String HSI = "hsi-abq";
  protected static final String NNPD = "nnpd";
  protected static final String FBI = "fbi-abq";

  protected String apd() {
    return investigator(APD, "LOCAL");
  }

  protected String hsi() {
    return investigator(HSI, "FEDERAL");
  }

  protected String nnpd() {
    return investigator(NNPD, "TRIBAL");
  }

  protected String fbi() {
    return investigator(FBI, "FEDERAL");
  }

  protected String watchOfficer() {
    return REALM.user("watch", "nm-ago", "STATE", "watch-officer").mint();
  }

  protected String victimAdvocate() {
    return REALM.user("advocate", "nm-crisis-center", "SERVICE_PROVIDER", "victim-advocate").mint();
  }

  // ---- test data

  protected static Selector person(String given, String surnames, int y, int m, int d) {
    PersonSelector.Builder p = PersonSelector.newBuilder().addGivenNames(given);
    for (String s : surnames.split(" ")) {
      p.addSurnames(s);
    }
    if (y != 0) {
      p.setDateOfBirth(com.google.type.Date.newBuilder().setYear(y).setMonth(m).setDay(d));
    }
    return Selector.newBuilder().setPerson(p).build();
  }

  protected static Selector phone(String number) {
    return Selector.newBuilder().setPhone(PhoneSelector.newBuilder().setNumber(number)).build();
  }

  protected static Selector vin(String vin) {
    return Selector.newBuilder().setVehicleVin(VehicleVinSelector.newBuilder().setVin(vin)).build();
  }

  protected static PointOfContact contact(String name) {
    return PointOfContact.newBuilder().setDisplayName(name).setPhone("+15055550100").build();
  }

  protected static TargetRegistration target(DisclosureLevel disclosure, Selector... selectors) {
    return TargetRegistration.newBuilder()
        .addAllSelectors(List.of(selectors))
        .setPointOfContact(contact("Det. Rivera"))
        .setCaseReference("case-secret-123")
        .setDisclosureLevel(disclosure)
        .build();
  }

  protected CreateTargetRegistrationResponse register(
      String token, DisclosureLevel disclosure, Selector... selectors) {
    return as(token)
        .createTargetRegistration(
            CreateTargetRegistrationRequest.newBuilder()
                .setRegistration(target(disclosure, selectors))
                .build());
  }

  protected CreateEventRegistrationResponse registerEvent(
      String token, EventRegistration registration) {
    return as(token)
        .createEventRegistration(
            CreateEventRegistrationRequest.newBuilder().setRegistration(registration).build());
  }

  protected static EventRegistration event(
      double lat, double lon, double radius, Instant start, long hours) {
    return EventRegistration.newBuilder()
        .setEventType(EventType.EVENT_TYPE_SEARCH_WARRANT)
        .setLocation(GeoPoint.newBuilder().setLatitude(lat).setLongitude(lon))
        .setRadiusMeters(radius)
        .setTimeWindow(
            TimeWindow.newBuilder()
                .setStartTime(ProtoMapping.timestamp(start))
                .setEndTime(ProtoMapping.timestamp(start.plus(hours, ChronoUnit.HOURS))))
        .setOnSceneContact(contact("Sgt. Yazzie"))
        .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_OPEN)
        .build();
  }

  /** A VIN with a valid check digit (check digit 1). */
  protected static final String VIN = "1FTFW1E51PFA12345";
}
