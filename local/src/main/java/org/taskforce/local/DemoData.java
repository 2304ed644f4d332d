package org.taskforce.local;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.taskforce.api.cases.v1.AddNoteRequest;
import org.taskforce.api.cases.v1.AddSubjectRequest;
import org.taskforce.api.cases.v1.AddVictimRequest;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseType;
import org.taskforce.api.cases.v1.CreateCaseRequest;
import org.taskforce.api.cases.v1.CreateTaskRequest;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.api.cases.v1.InviteParticipantRequest;
import org.taskforce.api.cases.v1.Note;
import org.taskforce.api.cases.v1.ParticipantRole;
import org.taskforce.api.cases.v1.RespondToInvitationRequest;
import org.taskforce.api.cases.v1.Subject;
import org.taskforce.api.cases.v1.SubjectKind;
import org.taskforce.api.cases.v1.Task;
import org.taskforce.api.cases.v1.Victim;
import org.taskforce.api.common.v1.AgencyRef;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.common.v1.GeoPoint;
import org.taskforce.api.common.v1.PersonSelector;
import org.taskforce.api.common.v1.PhoneSelector;
import org.taskforce.api.common.v1.PointOfContact;
import org.taskforce.api.common.v1.Selector;
import org.taskforce.api.common.v1.TimeWindow;
import org.taskforce.api.common.v1.VehiclePlateSelector;
import org.taskforce.api.deconfliction.v1.CreateEventRegistrationRequest;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.EventRegistration;
import org.taskforce.api.deconfliction.v1.EventType;
import org.taskforce.api.deconfliction.v1.TargetRegistration;

/**
 * A working day of the New Mexico task force, entered through the public API as its people would:
 * two joint cases with participants, tasks, notes and a victim record; targets that collide (a
 * target conflict), operations that collide (an event conflict), a near-namesake for the watch
 * officer's review queue, and notifications waiting in the agencies' inboxes. Request ids make a
 * second load a no-op.
 */
public final class DemoData {
  /** Every demo user's password: the development realm only. */
  public static final String PASSWORD = "Taskforce-Demo-2026!";

  /** Keycloak's admin console on the local stack: development only. */
  public static final String ADMIN_CONSOLE_PASSWORD = "admin-dev-only";

  public static final String JOINT_CASE_TITLE = "Operation Desert Lantern";
  public static final String SHARED_PHONE = "+15055550142";

  private final String issuer;
  private final String gateway;

  public DemoData(String issuer, String gateway) {
    this.issuer = issuer;
    this.gateway = gateway;
  }

  /** What the load left behind. */
  public record Summary(String jointCaseId, String jointCaseNumber, int subjects, int tips) {
    @Override
    public String toString() {
      return "joint case "
          + jointCaseNumber
          + " with "
          + subjects
          + " subjects, a target conflict, an event conflict, a possible match for review, "
          + tips
          + " tips";
    }
  }

  public Summary load() {
    try (Client api = new Client(issuer, gateway)) {
      String ago = api.userToken("ago.investigator");
      String hsi = api.userToken("hsi.investigator");
      String usao = api.userToken("usao.investigator");
      String apd = api.userToken("apd.investigator");
      String fbi = api.userToken("fbi.investigator");
      String bcso = api.userToken("bcso.investigator");
      String nnpd = api.userToken("nnpd.investigator");
      String advocate = api.userToken("crisis.advocate");

      // APD registered the trafficker's phone and plate last month, from a street-level case.
      api.deconfliction(apd)
          .createTargetRegistration(
              CreateTargetRegistrationRequest.newBuilder()
                  .setRequestId("demo-apd-target-1")
                  .setRegistration(
                      TargetRegistration.newBuilder()
                          .addSelectors(phone(SHARED_PHONE))
                          .addSelectors(plate("NM", "BKX 481"))
                          .setCaseReference("APD-2026-031877")
                          .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_OPEN)
                          .setPointOfContact(contact("Det. Carlos Rivera", "+15055550171")))
                  .build());

      // The Attorney General's office opens the joint case and brings in its partners.
      Case c =
          api.cases(ago)
              .createCase(
                  CreateCaseRequest.newBuilder()
                      .setRequestId("demo-case-lantern")
                      .setCase(
                          Case.newBuilder()
                              .setTitle(JOINT_CASE_TITLE)
                              .setCaseType(CaseType.CASE_TYPE_SEX_TRAFFICKING)
                              .addJurisdictions("NM")
                              .addJurisdictions("Bernalillo County")
                              .addJurisdictions("Navajo Nation")
                              .setSummary(
                                  "Online advertisements linked to three motels on Central Ave;"
                                      + " victims moved between Albuquerque and Gallup."))
                      .build())
              .getCase();
      c = invite(api, ago, c, "hsi-abq", ParticipantRole.PARTICIPANT_ROLE_SUPPORTING);
      c = invite(api, ago, c, "usao-nm", ParticipantRole.PARTICIPANT_ROLE_PROSECUTION);
      c = invite(api, ago, c, "nm-crisis-center", ParticipantRole.PARTICIPANT_ROLE_VICTIM_SERVICES);
      c = invite(api, ago, c, "nnpd", ParticipantRole.PARTICIPANT_ROLE_SUPPORTING);
      accept(api, hsi, c, "hsi-abq", "SA Maria Lopez", "+15055550122");
      accept(api, usao, c, "usao-nm", "AUSA Karen Whitfield", "+15055550133");
      accept(api, advocate, c, "nm-crisis-center", "Ana Trujillo", "+15055550144");
      // Navajo Nation PD has not answered yet: the invitation waits in its inbox.

      // HSI attaches the subjects; the phone collides with APD's registration.
      api.cases(hsi)
          .addSubject(
              subject(
                  c,
                  "demo-subject-ortega",
                  SubjectKind.SUBJECT_KIND_PERSON,
                  "Jesús Ortega-Ramírez",
                  person("Jesús", List.of("Ortega", "Ramírez"), 1988, 3, 14)));
      api.cases(hsi)
          .addSubject(
              subject(
                  c,
                  "demo-subject-phone",
                  SubjectKind.SUBJECT_KIND_PHONE,
                  "Ortega's work phone",
                  phone(SHARED_PHONE)));

      api.cases(ago)
          .createTask(
              CreateTaskRequest.newBuilder()
                  .setCaseId(c.getCaseId())
                  .setRequestId("demo-task-subpoena")
                  .setTask(
                      Task.newBuilder()
                          .setTitle(
                              "Subpoena motel registration cards (Desert Sands, Route 66 Inn)")
                          .setAssigneeAgencyId("hsi-abq"))
                  .build());
      api.cases(hsi)
          .addNote(
              AddNoteRequest.newBuilder()
                  .setCaseId(c.getCaseId())
                  .setRequestId("demo-note-1")
                  .setNote(
                      Note.newBuilder()
                          .setText("Silver Tacoma NM BKX 481 seen at the Desert Sands, room 21."))
                  .build());
      api.cases(advocate)
          .addVictim(
              AddVictimRequest.newBuilder()
                  .setCaseId(c.getCaseId())
                  .setRequestId("demo-victim-1")
                  .setVictim(
                      Victim.newBuilder()
                          .setDisplayName("V-1 (demo)")
                          .setPreferredLanguage("es")
                          .addServicesEngaged("shelter")
                          .addServicesEngaged("legal"))
                  .build());

      // A near-namesake without a date of birth: a possible match for the watch officer.
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

      // Two operations planned for tomorrow morning a block apart: an event conflict.
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

      // The second case: APD's labor-trafficking case with the Sheriff's office.
      Case cholla =
          api.cases(apd)
              .createCase(
                  CreateCaseRequest.newBuilder()
                      .setRequestId("demo-case-cholla")
                      .setCase(
                          Case.newBuilder()
                              .setTitle("Operation Cholla")
                              .setCaseType(CaseType.CASE_TYPE_LABOR_TRAFFICKING)
                              .addJurisdictions("Albuquerque")
                              .setSummary("Restaurant workers held in debt bondage."))
                      .build())
              .getCase();
      cholla = invite(api, apd, cholla, "bcso", ParticipantRole.PARTICIPANT_ROLE_SUPPORTING);
      accept(api, bcso, cholla, "bcso", "Dep. Tom Sandoval", "+15055550166");

      Case loaded =
          api.cases(ago)
              .getCase(GetCaseRequest.newBuilder().setCaseId(c.getCaseId()).build())
              .getCase();
      int subjects =
          api.cases(ago)
              .listSubjects(
                  org.taskforce.api.cases.v1.ListSubjectsRequest.newBuilder()
                      .setCaseId(loaded.getCaseId())
                      .build())
              .getSubjectsCount();
      int tips = new DemoTips(api).load();
      return new Summary(loaded.getCaseId(), loaded.getCaseNumber(), subjects, tips);
    }
  }

  private static Case invite(
      Client api, String token, Case c, String agency, ParticipantRole role) {
    Case current =
        api.cases(token)
            .getCase(GetCaseRequest.newBuilder().setCaseId(c.getCaseId()).build())
            .getCase();
    boolean already =
        current.getParticipantsList().stream()
            .anyMatch(p -> p.getAgency().getAgencyId().equals(agency));
    if (already) {
      return current;
    }
    return api.cases(token)
        .inviteParticipant(
            InviteParticipantRequest.newBuilder()
                .setCaseId(c.getCaseId())
                .setAgency(AgencyRef.newBuilder().setAgencyId(agency))
                .setRole(role)
                .setEtag(current.getEtag())
                .build())
        .getCase();
  }

  private static void accept(
      Client api, String token, Case c, String agency, String name, String phone) {
    Case current =
        api.cases(token)
            .getCase(GetCaseRequest.newBuilder().setCaseId(c.getCaseId()).build())
            .getCase();
    boolean pending =
        current.getParticipantsList().stream()
            .anyMatch(p ->
                p.getAgency().getAgencyId().equals(agency)
                    && p.getStatus()
                        == org.taskforce.api.cases.v1.ParticipantStatus.PARTICIPANT_STATUS_INVITED);
    if (pending) {
      api.cases(token)
          .respondToInvitation(
              RespondToInvitationRequest.newBuilder()
                  .setCaseId(c.getCaseId())
                  .setAgencyId(agency)
                  .setAccept(true)
                  .setPointOfContact(contact(name, phone))
                  .build());
    }
  }

  static AddSubjectRequest subject(
      Case c, String requestId, SubjectKind kind, String name, Selector selector) {
    return AddSubjectRequest.newBuilder()
        .setCaseId(c.getCaseId())
        .setRequestId(requestId)
        .setSubject(
            Subject.newBuilder()
                .setKind(kind)
                .setDisplayName(name)
                .addSelectors(selector)
                .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_OPEN))
        .build();
  }

  public static Selector phone(String number) {
    return Selector.newBuilder().setPhone(PhoneSelector.newBuilder().setNumber(number)).build();
  }

  static Selector plate(String issuer, String plate) {
    return Selector.newBuilder()
        .setVehiclePlate(VehiclePlateSelector.newBuilder().setIssuer(issuer).setPlate(plate))
        .build();
  }

  public static Selector person(String given, List<String> surnames, int y, int m, int d) {
    PersonSelector.Builder p =
        PersonSelector.newBuilder().addGivenNames(given).addAllSurnames(surnames);
    if (y != 0) {
      p.setDateOfBirth(com.google.type.Date.newBuilder().setYear(y).setMonth(m).setDay(d));
    }
    return Selector.newBuilder().setPerson(p).build();
  }

  public static PointOfContact contact(String name, String phone) {
    return PointOfContact.newBuilder().setDisplayName(name).setPhone(phone).build();
  }

  static EventRegistration event(
      EventType type,
      double lat,
      double lon,
      double radius,
      Instant start,
      String contact,
      String phone) {
    return EventRegistration.newBuilder()
        .setEventType(type)
        .setLocation(GeoPoint.newBuilder().setLatitude(lat).setLongitude(lon))
        .setRadiusMeters(radius)
        .setTimeWindow(
            TimeWindow.newBuilder()
                .setStartTime(timestamp(start))
                .setEndTime(timestamp(start.plus(3, ChronoUnit.HOURS))))
        .setOnSceneContact(contact(contact, phone))
        .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_OPEN)
        .build();
  }

  static Timestamp timestamp(Instant i) {
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
  }
}
