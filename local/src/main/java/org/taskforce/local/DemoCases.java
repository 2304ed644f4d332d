package org.taskforce.local;

import static org.taskforce.local.DemoRequests.contact;
import static org.taskforce.local.DemoRequests.person;
import static org.taskforce.local.DemoRequests.phone;
import static org.taskforce.local.DemoRequests.subject;

import java.util.List;
import org.taskforce.api.cases.v1.AddNoteRequest;
import org.taskforce.api.cases.v1.AddVictimRequest;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseType;
import org.taskforce.api.cases.v1.CreateCaseRequest;
import org.taskforce.api.cases.v1.CreateTaskRequest;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.api.cases.v1.InviteParticipantRequest;
import org.taskforce.api.cases.v1.Note;
import org.taskforce.api.cases.v1.ParticipantRole;
import org.taskforce.api.cases.v1.ParticipantStatus;
import org.taskforce.api.cases.v1.RespondToInvitationRequest;
import org.taskforce.api.cases.v1.SubjectKind;
import org.taskforce.api.cases.v1.Task;
import org.taskforce.api.cases.v1.Victim;
import org.taskforce.api.common.v1.AgencyRef;

/** The demo's joint cases, opened and worked through the case API as their people would. */
final class DemoCases {
  private DemoCases() {}

  /**
   * Operation Desert Lantern: the Attorney General's office opens it and brings in its partners;
   * HSI attaches the subjects (the phone collides with APD's registration), a task, a note and a
   * victim record.
   */
  static Case jointCase(Client api, String ago, String hsi, String usao, String advocate) {
    Case lantern =
        api.cases(ago)
            .createCase(
                CreateCaseRequest.newBuilder()
                    .setRequestId("demo-case-lantern")
                    .setCase(
                        Case.newBuilder()
                            .setTitle(DemoData.JOINT_CASE_TITLE)
                            .setCaseType(CaseType.CASE_TYPE_SEX_TRAFFICKING)
                            .addJurisdictions("NM")
                            .addJurisdictions("Bernalillo County")
                            .addJurisdictions("Navajo Nation")
                            .setSummary(
                                "Online advertisements linked to three motels on Central Ave;"
                                    + " victims moved between Albuquerque and Gallup."))
                    .build())
            .getCase();
    lantern = invite(api, ago, lantern, "hsi-abq", ParticipantRole.PARTICIPANT_ROLE_SUPPORTING);
    lantern = invite(api, ago, lantern, "usao-nm", ParticipantRole.PARTICIPANT_ROLE_PROSECUTION);
    lantern =
        invite(
            api,
            ago,
            lantern,
            "nm-crisis-center",
            ParticipantRole.PARTICIPANT_ROLE_VICTIM_SERVICES);
    lantern = invite(api, ago, lantern, "nnpd", ParticipantRole.PARTICIPANT_ROLE_SUPPORTING);
    accept(api, hsi, lantern, "hsi-abq", "SA Maria Lopez", "+15055550122");
    accept(api, usao, lantern, "usao-nm", "AUSA Karen Whitfield", "+15055550133");
    accept(api, advocate, lantern, "nm-crisis-center", "Ana Trujillo", "+15055550144");
    // Navajo Nation PD has not answered yet: the invitation waits in its inbox.

    // HSI attaches the subjects; the phone collides with APD's registration.
    api.cases(hsi)
        .addSubject(
            subject(
                lantern,
                "demo-subject-ortega",
                SubjectKind.SUBJECT_KIND_PERSON,
                "Jesús Ortega-Ramírez",
                person("Jesús", List.of("Ortega", "Ramírez"), 1988, 3, 14)));
    api.cases(hsi)
        .addSubject(
            subject(
                lantern,
                "demo-subject-phone",
                SubjectKind.SUBJECT_KIND_PHONE,
                "Ortega's work phone",
                phone(DemoData.SHARED_PHONE)));

    api.cases(ago)
        .createTask(
            CreateTaskRequest.newBuilder()
                .setCaseId(lantern.getCaseId())
                .setRequestId("demo-task-subpoena")
                .setTask(
                    Task.newBuilder()
                        .setTitle("Subpoena motel registration cards (Desert Sands, Route 66 Inn)")
                        .setAssigneeAgencyId("hsi-abq"))
                .build());
    api.cases(hsi)
        .addNote(
            AddNoteRequest.newBuilder()
                .setCaseId(lantern.getCaseId())
                .setRequestId("demo-note-1")
                .setNote(
                    Note.newBuilder()
                        .setText("Silver Tacoma NM BKX 481 seen at the Desert Sands, room 21."))
                .build());
    api.cases(advocate)
        .addVictim(
            AddVictimRequest.newBuilder()
                .setCaseId(lantern.getCaseId())
                .setRequestId("demo-victim-1")
                .setVictim(
                    Victim.newBuilder()
                        .setDisplayName("V-1 (demo)")
                        .setPreferredLanguage("es")
                        .addServicesEngaged("shelter")
                        .addServicesEngaged("legal"))
                .build());
    return lantern;
  }

  /** The second case: APD's labor-trafficking case with the Sheriff's office. */
  static void chollaCase(Client api, String apd, String bcso) {
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
            .anyMatch(participant ->
                participant.getAgency().getAgencyId().equals(agency)
                    && participant.getStatus() == ParticipantStatus.PARTICIPANT_STATUS_INVITED);
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
}
