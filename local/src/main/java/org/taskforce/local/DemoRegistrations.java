package org.taskforce.local;

import static org.taskforce.local.DemoRequests.contact;
import static org.taskforce.local.DemoRequests.event;
import static org.taskforce.local.DemoRequests.person;
import static org.taskforce.local.DemoRequests.phone;
import static org.taskforce.local.DemoRequests.plate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.deconfliction.v1.CreateEventRegistrationRequest;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.EventType;
import org.taskforce.api.deconfliction.v1.TargetRegistration;

/** The demo's deconfliction registrations: targets and operations that collide. */
final class DemoRegistrations {
  private DemoRegistrations() {}

  /** APD registered the trafficker's phone and plate last month, from a street-level case. */
  static void apdTarget(Client api, String apd) {
    api.deconfliction(apd)
        .createTargetRegistration(
            CreateTargetRegistrationRequest.newBuilder()
                .setRequestId("demo-apd-target-1")
                .setRegistration(
                    TargetRegistration.newBuilder()
                        .addSelectors(phone(DemoData.SHARED_PHONE))
                        .addSelectors(plate("NM", "BKX 481"))
                        .setCaseReference("APD-2026-031877")
                        .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_OPEN)
                        .setPointOfContact(contact("Det. Carlos Rivera", "+15055550171")))
                .build());
  }

  /** A near-namesake without a date of birth: a possible match for the watch officer. */
  static void namesake(Client api, String nnpd) {
    api.deconfliction(nnpd)
        .createTargetRegistration(
            CreateTargetRegistrationRequest.newBuilder()
                .setRequestId("demo-nnpd-target-1")
                .setRegistration(
                    TargetRegistration.newBuilder()
                        .addSelectors(person("Jesus", List.of("Ortega"), 0, 0, 0))
                        .setCaseReference("NNPD-26-1140")
                        .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY)
                        .setPointOfContact(contact("Sgt. Lorraine Yazzie", "+19285550190")))
                .build());
  }

  /** Two operations planned for tomorrow morning a block apart: an event conflict. */
  static void collidingOperations(Client api, String fbi, String bcso) {
    Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.DAYS);
    api.deconfliction(fbi)
        .createEventRegistration(
            CreateEventRegistrationRequest.newBuilder()
                .setRequestId("demo-fbi-warrant")
                .setRegistration(
                    event(
                        EventType.EVENT_TYPE_SEARCH_WARRANT,
                        35.0806,
                        -106.6067,
                        100,
                        tomorrow,
                        "SA Michael Brandt",
                        "+15055550155"))
                .build());
    api.deconfliction(bcso)
        .createEventRegistration(
            CreateEventRegistrationRequest.newBuilder()
                .setRequestId("demo-bcso-surveillance")
                .setRegistration(
                    event(
                        EventType.EVENT_TYPE_SURVEILLANCE,
                        35.0816,
                        -106.6055,
                        150,
                        tomorrow.plus(1, ChronoUnit.HOURS),
                        "Dep. Tom Sandoval",
                        "+15055550166"))
                .build());
  }
}
