package org.taskforce.cases.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.taskforce.api.cases.v1.AddNoteRequest;
import org.taskforce.api.cases.v1.AddSubjectRequest;
import org.taskforce.api.cases.v1.AddVictimRequest;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseType;
import org.taskforce.api.cases.v1.CreateCaseRequest;
import org.taskforce.api.cases.v1.CreateTaskRequest;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.api.cases.v1.InviteParticipantRequest;
import org.taskforce.api.cases.v1.ListCasesRequest;
import org.taskforce.api.cases.v1.Note;
import org.taskforce.api.cases.v1.ParticipantRole;
import org.taskforce.api.cases.v1.RespondToInvitationRequest;
import org.taskforce.api.cases.v1.ReviewCaseRequest;
import org.taskforce.api.cases.v1.Subject;
import org.taskforce.api.cases.v1.SubjectKind;
import org.taskforce.api.cases.v1.Task;
import org.taskforce.api.cases.v1.Victim;
import org.taskforce.api.common.v1.AgencyRef;
import org.taskforce.api.common.v1.PointOfContact;
import org.taskforce.api.common.v1.Selector;
import org.taskforce.platform.testing.ErrorDetails;

/**
 * Bad input for every field: INVALID_ARGUMENT naming the field and saying what is wrong, and
 * nothing stored — no record added, the case unchanged.
 */
class BadInputTest extends CaseTestBase {
  static final String LONG_201 = "x".repeat(201);
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Denver"));

  record Call(String name, String field, Consumer<BadInputTest.Ctx> call) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** What a bad call has at hand: the joint case of the base class. */
  record Ctx(BadInputTest test, Case c) {
    org.taskforce.api.cases.v1.CaseServiceGrpc.CaseServiceBlockingStub lead() {
      return test.as(ago());
    }
  }

  static Stream<Arguments> badCalls() {
    return Stream.of(
            create("empty title", "case.title", b -> b.setTitle("  ")),
            create("title too long", "case.title", b -> b.setTitle(LONG_201)),
            create("no case type", "case.case_type", b -> b.clearCaseType()),
            create("unknown case type", "case.case_type", b -> b.setCaseTypeValue(42)),
            create(
                "too many jurisdictions",
                "case.jurisdictions",
                b -> {
                  for (int i = 0; i < 21; i++) {
                    b.addJurisdictions("county " + i);
                  }
                }),
            create("empty jurisdiction", "case.jurisdictions[1]", b -> b.addJurisdictions("")),
            create(
                "jurisdiction too long",
                "case.jurisdictions[1]",
                b -> b.addJurisdictions(LONG_201)),
            create("summary too long", "case.summary", b -> b.setSummary("s".repeat(4001))),
            create(
                "review date in the past",
                "case.review_date",
                b -> b.setReviewDate(CaseMapping.date(TODAY.minusDays(1)))),
            create(
                "review date beyond five years",
                "case.review_date",
                b -> b.setReviewDate(CaseMapping.date(TODAY.plusYears(5).plusDays(2)))),
            create(
                "impossible review date",
                "case.review_date",
                b ->
                    b.setReviewDate(
                        com.google.type.Date.newBuilder().setYear(2027).setMonth(2).setDay(30))),
            requestId("request id in the tip: namespace", "tip:t0123456789abcdef0123456"),
            requestId("request id too long", LONG_201),
            new Call(
                "update mask names an unknown field",
                "update_mask",
                x -> x.lead().updateCase(caseUpdate(x.c(), b -> b.setTitle("new"), "status"))),
            new Call(
                "empty update mask",
                "update_mask",
                x -> x.lead().updateCase(caseUpdate(x.c(), b -> b.setTitle("new")))),
            new Call(
                "missing etag",
                "case.etag",
                x ->
                    x.lead()
                        .updateCase(
                            caseUpdate(x.c(), b -> b.setTitle("new").clearEtag(), "title"))),
            new Call(
                "masked title emptied",
                "case.title",
                x -> x.lead().updateCase(caseUpdate(x.c(), b -> b.setTitle(""), "title"))),
            new Call(
                "review without a date",
                "next_review_date",
                x ->
                    x.lead()
                        .reviewCase(
                            ReviewCaseRequest.newBuilder()
                                .setCaseId(x.c().getCaseId())
                                .setEtag(x.c().getEtag())
                                .build())),
            invite(
                "unknown agency",
                "agency.agency_id",
                "sheriff-of-nowhere",
                ParticipantRole.PARTICIPANT_ROLE_SUPPORTING),
            invite(
                "no agency", "agency.agency_id", "", ParticipantRole.PARTICIPANT_ROLE_SUPPORTING),
            invite("invite as lead", "role", NNPD, ParticipantRole.PARTICIPANT_ROLE_LEAD),
            invite("no role", "role", NNPD, ParticipantRole.PARTICIPANT_ROLE_UNSPECIFIED),
            invite(
                "police as victim services",
                "role",
                NNPD,
                ParticipantRole.PARTICIPANT_ROLE_VICTIM_SERVICES),
            new Call(
                "contact phone not E.164",
                "point_of_contact.phone",
                x ->
                    x.test()
                        .as(apd())
                        .respondToInvitation(
                            RespondToInvitationRequest.newBuilder()
                                .setCaseId(x.c().getCaseId())
                                .setAgencyId(APD)
                                .setAccept(true)
                                .setPointOfContact(
                                    PointOfContact.newBuilder()
                                        .setDisplayName("Det. Lee")
                                        .setPhone("505-555-0100"))
                                .build())),
            subject("no kind", "subject.kind", b -> b.clearKind()),
            subject("empty display name", "subject.display_name", b -> b.setDisplayName("")),
            subject(
                "display name too long", "subject.display_name", b -> b.setDisplayName(LONG_201)),
            subject("no selectors", "subject.selectors", b -> b.clearSelectors()),
            subject(
                "selector of no kind",
                "subject.selectors[1]",
                b -> b.addSelectors(Selector.getDefaultInstance())),
            subject(
                "unknown disclosure level",
                "subject.disclosure_level",
                b -> b.setDisclosureLevelValue(9)),
            subject(
                "contact e-mail malformed",
                "subject.point_of_contact.email",
                b ->
                    b.setPointOfContact(
                        PointOfContact.newBuilder()
                            .setDisplayName("Det. Rivera")
                            .setEmail("rivera@"))),
            task("empty title", "task.title", b -> b.setTitle("")),
            task("title too long", "task.title", b -> b.setTitle(LONG_201)),
            task("no assignee", "task.assignee_agency_id", b -> b.setAssigneeAgencyId("")),
            task(
                "assignee not on the case",
                "task.assignee_agency_id",
                b -> b.setAssigneeAgencyId(FBI)),
            task(
                "description too long",
                "task.description",
                b -> b.setDescription("d".repeat(4001))),
            task(
                "due date in the past",
                "task.due_date",
                b -> b.setDueDate(CaseMapping.date(TODAY.minusDays(1)))),
            note("empty text", "note.text", b -> b.setText(" ")),
            note("text too long", "note.text", b -> b.setText("n".repeat(10_001))),
            note(
                "corrects an unknown note",
                "note.corrects_note_id",
                b -> b.setCorrectsNoteId("n-nope")),
            victim("empty name", "victim.display_name", b -> b.setDisplayName("")),
            victim(
                "born tomorrow",
                "victim.date_of_birth",
                b -> b.setDateOfBirth(CaseMapping.date(TODAY.plusDays(1)))),
            victim(
                "minor flag contradicts date of birth",
                "victim.minor",
                b -> b.setDateOfBirth(CaseMapping.date(TODAY.minusYears(15))).setMinor(false)),
            victim(
                "language not BCP 47",
                "victim.preferred_language",
                b -> b.setPreferredLanguage("Spanish!")),
            victim("empty service", "victim.services_engaged[0]", b -> b.addServicesEngaged("")),
            new Call(
                "unknown status filter",
                "statuses",
                x ->
                    x.lead().listCases(ListCasesRequest.newBuilder().addStatusesValue(77).build())),
            new Call(
                "unknown case type filter",
                "case_types",
                x ->
                    x.lead()
                        .listCases(ListCasesRequest.newBuilder().addCaseTypesValue(77).build())),
            new Call(
                "negative page size",
                "page_size",
                x -> x.lead().listCases(ListCasesRequest.newBuilder().setPageSize(-1).build())),
            new Call(
                "forged page token",
                "page_token",
                x -> x.lead().listNotes(notesPage(x.c(), "not-a-token!"))),
            new Call(
                "no case id",
                "case_id",
                x -> x.lead().getCase(GetCaseRequest.getDefaultInstance())))
        .map(c -> Arguments.of(c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCalls")
  void badInput_isRefusedWithTheField_andNothingIsStored(Call call) {
    Case c = jointCase();
    Map<String, Long> before = counts();

    var e = thrownBy(() -> call.call().accept(new Ctx(this, c)));

    assertThat(e).as("refused").isNotNull();
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(ErrorDetails.violations(e)).containsKey(call.field());
    assertThat(ErrorDetails.violations(e).get(call.field())).isNotBlank();
    assertThat(counts()).isEqualTo(before);
    assertThat(current(c).getEtag()).isEqualTo(c.getEtag());
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String collection : List.of("cases", "subjects", "tasks", "notes", "victims")) {
      counts.put(collection, database.getCollection(collection).countDocuments(new Document()));
    }
    counts.put("deconfliction registrations", (long) DECONFLICTION.registrations().size());
    return counts;
  }

  // ---- builders of bad calls

  static Case.Builder validCase() {
    return Case.newBuilder()
        .setTitle("Operation Cholla")
        .setCaseType(CaseType.CASE_TYPE_LABOR_TRAFFICKING)
        .addJurisdictions("NM");
  }

  static Call create(String name, String field, Consumer<Case.Builder> spoil) {
    return new Call(
        "CreateCase: " + name,
        field,
        x -> {
          Case.Builder b = validCase();
          spoil.accept(b);
          x.lead().createCase(CreateCaseRequest.newBuilder().setCase(b).build());
        });
  }

  static Call requestId(String name, String requestId) {
    return new Call(
        name,
        "request_id",
        x ->
            x.lead()
                .createCase(
                    CreateCaseRequest.newBuilder()
                        .setCase(validCase())
                        .setRequestId(requestId)
                        .build()));
  }

  static Call invite(String name, String field, String agency, ParticipantRole role) {
    return new Call(
        "InviteParticipant: " + name,
        field,
        x ->
            x.lead()
                .inviteParticipant(
                    InviteParticipantRequest.newBuilder()
                        .setCaseId(x.c().getCaseId())
                        .setAgency(AgencyRef.newBuilder().setAgencyId(agency))
                        .setRole(role)
                        .setEtag(x.c().getEtag())
                        .build()));
  }

  static Call subject(String name, String field, Consumer<Subject.Builder> spoil) {
    return new Call(
        "AddSubject: " + name,
        field,
        x -> {
          AddSubjectRequest valid = subject(x.c().getCaseId(), "Ana Ruiz", person("Ana", "Ruiz"));
          Subject.Builder b =
              valid.getSubject().toBuilder().setKind(SubjectKind.SUBJECT_KIND_PERSON);
          spoil.accept(b);
          x.test().as(hsi()).addSubject(valid.toBuilder().setSubject(b).build());
        });
  }

  static Call task(String name, String field, Consumer<Task.Builder> spoil) {
    return new Call(
        "CreateTask: " + name,
        field,
        x -> {
          Task.Builder b = Task.newBuilder().setTitle("Subpoena records").setAssigneeAgencyId(HSI);
          spoil.accept(b);
          x.lead()
              .createTask(
                  CreateTaskRequest.newBuilder().setCaseId(x.c().getCaseId()).setTask(b).build());
        });
  }

  static Call note(String name, String field, Consumer<Note.Builder> spoil) {
    return new Call(
        "AddNote: " + name,
        field,
        x -> {
          Note.Builder b = Note.newBuilder().setText("Interview set for Monday");
          spoil.accept(b);
          x.lead()
              .addNote(AddNoteRequest.newBuilder().setCaseId(x.c().getCaseId()).setNote(b).build());
        });
  }

  static Call victim(String name, String field, Consumer<Victim.Builder> spoil) {
    return new Call(
        "AddVictim: " + name,
        field,
        x -> {
          Victim.Builder b = Victim.newBuilder().setDisplayName("V-1").setPreferredLanguage("es");
          spoil.accept(b);
          x.test()
              .as(advocate())
              .addVictim(
                  AddVictimRequest.newBuilder().setCaseId(x.c().getCaseId()).setVictim(b).build());
        });
  }
}
