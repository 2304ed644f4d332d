package org.taskforce.cases.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.taskforce.api.cases.v1.AddNoteRequest;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseServiceGrpc.CaseServiceBlockingStub;
import org.taskforce.api.cases.v1.ChangeCaseStatusRequest;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.api.cases.v1.HandOffLeadRequest;
import org.taskforce.api.cases.v1.InviteParticipantRequest;
import org.taskforce.api.cases.v1.ListCaseEventsRequest;
import org.taskforce.api.cases.v1.ListCasesRequest;
import org.taskforce.api.cases.v1.ListCasesResponse;
import org.taskforce.api.cases.v1.ListNotesRequest;
import org.taskforce.api.cases.v1.ListTasksRequest;
import org.taskforce.api.cases.v1.Note;
import org.taskforce.api.cases.v1.ParticipantRole;
import org.taskforce.api.cases.v1.RemoveParticipantRequest;
import org.taskforce.api.cases.v1.RemoveSubjectRequest;
import org.taskforce.api.cases.v1.ReviewCaseRequest;
import org.taskforce.api.cases.v1.Task;
import org.taskforce.api.cases.v1.UpdateCaseRequest;
import org.taskforce.api.cases.v1.UpdateTaskRequest;
import org.taskforce.api.common.v1.AgencyRef;
import org.taskforce.platform.testing.ErrorDetails;

/**
 * Every field has a bound (ids at most 128 characters, reasons and notes 500, filter lists, update
 * masks, selectors, page tokens), and unknown enum numbers, unset required enums in an update and
 * malformed or foreign page tokens are INVALID_ARGUMENT naming the field — never INTERNAL — with
 * nothing stored (issue 20, items 6 and 7).
 */
class BoundsAndNeverInternalTest extends CaseTestBase {
  static final String ID_129 = "i".repeat(129);
  static final String TEXT_501 = "r".repeat(501);

  record Bad(String name, String field, Consumer<Ctx> call) {
    @Override
    public String toString() {
      return name;
    }
  }

  record Ctx(BoundsAndNeverInternalTest test, Case c, Task task) {
    CaseServiceBlockingStub lead() {
      return test.as(ago());
    }
  }

  static Stream<Arguments> badCalls() {
    return Stream.of(
            new Bad(
                "case id over 128",
                "case_id",
                x -> x.lead().getCase(GetCaseRequest.newBuilder().setCaseId(ID_129).build())),
            new Bad(
                "agency filter over 128",
                "agency_id",
                x -> x.lead().listCases(ListCasesRequest.newBuilder().setAgencyId(ID_129).build())),
            new Bad(
                "eleven status filters",
                "statuses",
                x -> {
                  ListCasesRequest.Builder b = ListCasesRequest.newBuilder();
                  for (int i = 0; i < 11; i++) {
                    b.addStatusesValue(1);
                  }
                  x.lead().listCases(b.build());
                }),
            new Bad(
                "task assignee filter over 128",
                "assignee_agency_id",
                x ->
                    x.lead()
                        .listTasks(
                            ListTasksRequest.newBuilder()
                                .setCaseId(x.c().getCaseId())
                                .setAssigneeAgencyId(ID_129)
                                .build())),
            new Bad(
                "page token over 512",
                "page_token",
                x -> x.lead().listNotes(notesPage(x.c(), "A".repeat(513)))),
            new Bad(
                "update mask naming a field fifty times",
                "update_mask",
                x -> {
                  FieldMask.Builder mask = FieldMask.newBuilder();
                  for (int i = 0; i < 50; i++) {
                    mask.addPaths("title");
                  }
                  x.lead()
                      .updateCase(
                          UpdateCaseRequest.newBuilder()
                              .setCase(x.c().toBuilder().setTitle("new"))
                              .setUpdateMask(mask)
                              .build());
                }),
            new Bad(
                "update mask path of 10,000 characters",
                "update_mask",
                x ->
                    x.lead()
                        .updateCase(caseUpdate(x.c(), b -> b.setTitle("new"), "p".repeat(10_000)))),
            new Bad(
                "new lead id over 128",
                "new_lead_agency_id",
                x ->
                    x.lead()
                        .handOffLead(
                            HandOffLeadRequest.newBuilder()
                                .setCaseId(x.c().getCaseId())
                                .setNewLeadAgencyId(ID_129)
                                .setPreviousLeadRole(ParticipantRole.PARTICIPANT_ROLE_SUPPORTING)
                                .setEtag(x.c().getEtag())
                                .build())),
            new Bad(
                "invited agency id over 128",
                "agency.agency_id",
                x ->
                    x.lead()
                        .inviteParticipant(
                            InviteParticipantRequest.newBuilder()
                                .setCaseId(x.c().getCaseId())
                                .setAgency(AgencyRef.newBuilder().setAgencyId(ID_129))
                                .setRole(ParticipantRole.PARTICIPANT_ROLE_SUPPORTING)
                                .setEtag(x.c().getEtag())
                                .build())),
            new Bad(
                "corrected note id over 128",
                "note.corrects_note_id",
                x ->
                    x.lead()
                        .addNote(
                            AddNoteRequest.newBuilder()
                                .setCaseId(x.c().getCaseId())
                                .setNote(Note.newBuilder().setText("fix").setCorrectsNoteId(ID_129))
                                .build())),
            new Bad(
                "status change reason over 500",
                "reason",
                x ->
                    x.lead()
                        .changeCaseStatus(
                            ChangeCaseStatusRequest.newBuilder()
                                .setCaseId(x.c().getCaseId())
                                .setStatusValue(2)
                                .setReason(TEXT_501)
                                .setEtag(x.c().getEtag())
                                .build())),
            new Bad(
                "removal reason over 500",
                "reason",
                x ->
                    x.lead()
                        .removeParticipant(
                            RemoveParticipantRequest.newBuilder()
                                .setCaseId(x.c().getCaseId())
                                .setAgencyId(APD)
                                .setReason(TEXT_501)
                                .setEtag(x.c().getEtag())
                                .build())),
            new Bad(
                "review note over 500",
                "note",
                x ->
                    x.lead()
                        .reviewCase(
                            ReviewCaseRequest.newBuilder()
                                .setCaseId(x.c().getCaseId())
                                .setNextReviewDate(
                                    CaseMapping.date(java.time.LocalDate.now().plusMonths(6)))
                                .setNote(TEXT_501)
                                .setEtag(x.c().getEtag())
                                .build())),
            new Bad(
                "subject id over 128",
                "subject_id",
                x ->
                    x.lead()
                        .removeSubject(
                            RemoveSubjectRequest.newBuilder()
                                .setCaseId(x.c().getCaseId())
                                .setSubjectId(ID_129)
                                .build())),
            new Bad(
                "selector of 3,000 characters",
                "subject.selectors[0]",
                x ->
                    x.test()
                        .as(hsi())
                        .addSubject(
                            subject(
                                x.c().getCaseId(), "long name", person("A".repeat(3000), "B")))),
            new Bad(
                "request id over 128",
                "request_id",
                x ->
                    x.lead()
                        .addNote(
                            AddNoteRequest.newBuilder()
                                .setCaseId(x.c().getCaseId())
                                .setNote(Note.newBuilder().setText("hello"))
                                .setRequestId(ID_129)
                                .build())),
            // ---- unknown enum numbers and unset required enums
            new Bad(
                "unknown status number",
                "status",
                x ->
                    x.lead()
                        .changeCaseStatus(
                            ChangeCaseStatusRequest.newBuilder()
                                .setCaseId(x.c().getCaseId())
                                .setStatusValue(99)
                                .setEtag(x.c().getEtag())
                                .build())),
            new Bad(
                "unknown participant role number",
                "role",
                x ->
                    x.lead()
                        .inviteParticipant(
                            InviteParticipantRequest.newBuilder()
                                .setCaseId(x.c().getCaseId())
                                .setAgency(AgencyRef.newBuilder().setAgencyId(NNPD))
                                .setRoleValue(99)
                                .setEtag(x.c().getEtag())
                                .build())),
            new Bad(
                "unknown previous lead role number",
                "previous_lead_role",
                x ->
                    x.lead()
                        .handOffLead(
                            HandOffLeadRequest.newBuilder()
                                .setCaseId(x.c().getCaseId())
                                .setNewLeadAgencyId(HSI)
                                .setPreviousLeadRoleValue(99)
                                .setEtag(x.c().getEtag())
                                .build())),
            new Bad(
                "unknown subject kind number",
                "subject.kind",
                x -> {
                  var valid = subject(x.c().getCaseId(), "Ana Ruiz", person("Ana", "Ruiz"));
                  x.test()
                      .as(hsi())
                      .addSubject(
                          valid.toBuilder()
                              .setSubject(valid.getSubject().toBuilder().setKindValue(99))
                              .build());
                }),
            new Bad(
                "unknown task status number in an update",
                "task.status",
                x ->
                    x.lead()
                        .updateTask(
                            UpdateTaskRequest.newBuilder()
                                .setTask(x.task().toBuilder().setStatusValue(99))
                                .setUpdateMask(FieldMask.newBuilder().addPaths("status"))
                                .build())),
            new Bad(
                "unset task status named in the update mask",
                "task.status",
                x ->
                    x.lead()
                        .updateTask(
                            UpdateTaskRequest.newBuilder()
                                .setTask(x.task().toBuilder().clearStatus())
                                .setUpdateMask(FieldMask.newBuilder().addPaths("status"))
                                .build())),
            new Bad(
                "unset case type named in the update mask",
                "case.case_type",
                x -> x.lead().updateCase(caseUpdate(x.c(), b -> b.clearCaseType(), "case_type"))),
            new Bad(
                "unknown task status filter number",
                "statuses",
                x ->
                    x.lead()
                        .listTasks(
                            ListTasksRequest.newBuilder()
                                .setCaseId(x.c().getCaseId())
                                .addStatusesValue(99)
                                .build())),
            new Bad(
                "malformed timeline token",
                "page_token",
                x ->
                    x.lead()
                        .listCaseEvents(
                            ListCaseEventsRequest.newBuilder()
                                .setCaseId(x.c().getCaseId())
                                .setPageToken("%%%")
                                .build())))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCalls")
  void refusedWithTheField_neverInternal_andNothingStored(Bad bad) {
    Case c = jointCase();
    Task t = createTask(ago(), c, Task.newBuilder().setTitle("Canvass").setAssigneeAgencyId(HSI));
    Case current = current(c);
    Map<String, Long> before = counts();

    var e = thrownBy(() -> bad.call().accept(new Ctx(this, current, t)));

    assertThat(e).as("refused").isNotNull();
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(ErrorDetails.violations(e)).containsKey(bad.field());
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void aPageTokenOfAnotherList_orAnotherQuery_orAnotherCase_isRefused() {
    Case c = jointCase();
    Case other = createCase(ago(), "Operation Dry Wash");
    for (int i = 0; i < 3; i++) {
      as(ago())
          .addNote(
              AddNoteRequest.newBuilder()
                  .setCaseId(c.getCaseId())
                  .setNote(Note.newBuilder().setText("note " + i))
                  .build());
    }
    String notesToken =
        as(ago())
            .listNotes(
                ListNotesRequest.newBuilder().setCaseId(c.getCaseId()).setPageSize(1).build())
            .getNextPageToken();
    assertThat(notesToken).isNotEmpty();
    ListCasesResponse firstCases =
        as(ago()).listCases(ListCasesRequest.newBuilder().setPageSize(1).build());
    String eventsToken =
        as(ago())
            .listCaseEvents(
                ListCaseEventsRequest.newBuilder().setCaseId(c.getCaseId()).setPageSize(1).build())
            .getNextPageToken();

    for (Runnable foreign :
        List.<Runnable>of(
            () ->
                as(ago())
                    .listTasks(
                        ListTasksRequest.newBuilder()
                            .setCaseId(c.getCaseId())
                            .setPageToken(notesToken)
                            .build()),
            () ->
                as(ago())
                    .listNotes(
                        ListNotesRequest.newBuilder()
                            .setCaseId(other.getCaseId())
                            .setPageToken(notesToken)
                            .build()),
            () ->
                as(ago())
                    .listCases(
                        ListCasesRequest.newBuilder()
                            .setTitleContains("Dry")
                            .setPageToken(firstCases.getNextPageToken())
                            .build()),
            () ->
                as(ago())
                    .listCaseEvents(
                        ListCaseEventsRequest.newBuilder()
                            .setCaseId(other.getCaseId())
                            .setPageToken(eventsToken)
                            .build()))) {
      var e = catchThrowableOfType(StatusRuntimeException.class, foreign::run);
      assertThat(e).as("refused").isNotNull();
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(ErrorDetails.violations(e)).containsKey("page_token");
    }
    // The token still pages the list and query that made it.
    assertThat(
            as(ago())
                .listNotes(
                    ListNotesRequest.newBuilder()
                        .setCaseId(c.getCaseId())
                        .setPageSize(1)
                        .setPageToken(notesToken)
                        .build())
                .getNotesList())
        .hasSize(1);
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String collection : List.of("cases", "subjects", "tasks", "notes", "victims")) {
      counts.put(collection, database.getCollection(collection).countDocuments(new Document()));
    }
    counts.put(
        "case versions",
        database.getCollection("cases").find().into(new java.util.ArrayList<>()).stream()
            .mapToLong(d -> ((Number) d.get("version")).longValue())
            .sum());
    counts.put(
        "task versions",
        database.getCollection("tasks").find().into(new java.util.ArrayList<>()).stream()
            .mapToLong(d -> ((Number) d.get("version")).longValue())
            .sum());
    counts.put("deconfliction registrations", (long) DECONFLICTION.registrations().size());
    return counts;
  }
}
