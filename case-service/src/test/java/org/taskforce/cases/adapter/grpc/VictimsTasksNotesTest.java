package org.taskforce.cases.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.taskforce.api.cases.v1.AddNoteRequest;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseEvent;
import org.taskforce.api.cases.v1.GetVictimSummaryRequest;
import org.taskforce.api.cases.v1.GetVictimSummaryResponse;
import org.taskforce.api.cases.v1.ListCaseEventsRequest;
import org.taskforce.api.cases.v1.ListNotesRequest;
import org.taskforce.api.cases.v1.ListTasksRequest;
import org.taskforce.api.cases.v1.ListVictimsRequest;
import org.taskforce.api.cases.v1.Note;
import org.taskforce.api.cases.v1.Task;
import org.taskforce.api.cases.v1.TaskStatus;
import org.taskforce.api.cases.v1.UpdateVictimRequest;
import org.taskforce.api.cases.v1.Victim;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.platform.testing.ErrorDetails;

@ExtendWith(OutputCaptureExtension.class)
class VictimsTasksNotesTest extends CaseTestBase {
  static final String VICTIM_NAME = "Maria Tsosie-Begay";
  static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Denver"));

  @Test
  void victimIdentities_stayWithTheAdvocate_othersSeeOnlyCounts(CapturedOutput output) {
    Case c = jointCase();
    Victim added =
        addVictim(
            c,
            Victim.newBuilder()
                .setDisplayName(VICTIM_NAME)
                .setDateOfBirth(CaseMapping.date(TODAY.minusYears(16)))
                .setMinor(true)
                .setPreferredLanguage("nv")
                .addServicesEngaged("shelter")
                .addServicesEngaged("interpreter"));
    addVictim(c, Victim.newBuilder().setDisplayName("Second victim"));
    Victim updated =
        as(advocate())
            .updateVictim(
                UpdateVictimRequest.newBuilder()
                    .setVictim(added.toBuilder().setConsentToShare(true))
                    .setUpdateMask(FieldMask.newBuilder().addPaths("consent_to_share"))
                    .build())
            .getVictim();

    assertThat(updated.getConsentToShare()).isTrue();
    assertThat(updated.getDisplayName()).isEqualTo(VICTIM_NAME);
    assertThat(
            as(advocate())
                .listVictims(ListVictimsRequest.newBuilder().setCaseId(c.getCaseId()).build())
                .getVictimsList())
        .extracting(Victim::getDisplayName)
        .containsExactlyInAnyOrder(VICTIM_NAME, "Second victim");

    for (String token : List.of(ago(), hsi(), taskForceCommander())) {
      var refused =
          thrownBy(() ->
              as(token)
                  .listVictims(ListVictimsRequest.newBuilder().setCaseId(c.getCaseId()).build()));
      assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
      assertThat(ErrorDetails.reason(refused)).isEqualTo("VICTIM_COMPARTMENT");
      GetVictimSummaryResponse summary =
          as(token)
              .getVictimSummary(
                  GetVictimSummaryRequest.newBuilder().setCaseId(c.getCaseId()).build());
      assertThat(summary.getVictimCount()).isEqualTo(2);
      assertThat(summary.getMinorCount()).isEqualTo(1);
      assertThat(summary.getProviderEngaged()).isTrue();
    }

    // Every access is audited, and no victim field is in the audit trail, the timeline or the log.
    assertThat(timeline(c))
        .extracting(e -> e.getAction() + "/" + e.getOutcome())
        .contains(
            "VICTIMS_READ/SUCCESS",
            "VICTIMS_READ/DENIED",
            "VICTIM_ADDED/SUCCESS",
            "VICTIM_UPDATED/SUCCESS");
    for (Document entry : database.getCollection("audit_log").find()) {
      assertThat(entry.toJson()).doesNotContain(VICTIM_NAME).doesNotContain("Tsosie");
    }
    // A line of our own proves the log is captured whichever test class started the service.
    org.slf4j.LoggerFactory.getLogger(VictimsTasksNotesTest.class).info("victim checks done");
    assertThat(output.getAll()).contains("victim checks done").doesNotContain("Tsosie");
  }

  @Test
  void aCaseWithoutAProvider_saysSo() {
    Case c = createCase(ago(), "Operation Cholla");
    GetVictimSummaryResponse summary =
        as(ago())
            .getVictimSummary(
                GetVictimSummaryRequest.newBuilder().setCaseId(c.getCaseId()).build());
    assertThat(summary.getProviderEngaged()).isFalse();
    assertThat(summary.getVictimCount()).isZero();
  }

  @Test
  void tasks_areAssignedToAnAgency_whichIsNotified_andMovesThemAlong() {
    Case c = jointCase();
    Task t =
        createTask(
            ago(),
            c,
            Task.newBuilder()
                .setTitle("Subpoena motel registration cards")
                .setAssigneeAgencyId(HSI)
                .setDueDate(CaseMapping.date(TODAY.plusDays(7))));
    createTask(ago(), c, Task.newBuilder().setTitle("Draft indictment").setAssigneeAgencyId(USAO));

    Task started =
        updateTask(hsi(), t.toBuilder().setStatus(TaskStatus.TASK_STATUS_IN_PROGRESS), "status");
    assertThat(started.getStatus()).isEqualTo(TaskStatus.TASK_STATUS_IN_PROGRESS);

    // The assignee moves its task along but does not rewrite it.
    var rewrite =
        thrownBy(
            () -> updateTask(hsi(), started.toBuilder().setTitle("Something easier"), "title"));
    assertThat(rewrite.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);

    assertThat(
            as(usao())
                .listTasks(
                    ListTasksRequest.newBuilder()
                        .setCaseId(c.getCaseId())
                        .setAssigneeAgencyId(HSI)
                        .build())
                .getTasksList())
        .extracting(Task::getTitle)
        .containsExactly("Subpoena motel registration cards");
    assertThat(
            as(usao())
                .listTasks(
                    ListTasksRequest.newBuilder()
                        .setCaseId(c.getCaseId())
                        .addStatuses(TaskStatus.TASK_STATUS_OPEN)
                        .build())
                .getTasksList())
        .extracting(Task::getTitle)
        .containsExactly("Draft indictment");

    drainOutbox();
    assertThat(NOTIFICATIONS.publishedTo(HSI))
        .anySatisfy(n -> {
          assertThat(n.getKind()).isEqualTo(NotificationKind.NOTIFICATION_KIND_TASK_ASSIGNED);
          assertThat(n.getBody()).contains("Subpoena motel registration cards");
        });
  }

  @Test
  void notes_areAppendOnly_andACorrectionNamesTheNoteItCorrects() {
    Case c = jointCase();
    Note first =
        addNote(c, Note.newBuilder().setText("Vehicle seen at the Desert Sands motel, room 12"));
    Note correction =
        addNote(
            c,
            Note.newBuilder()
                .setText("Correction: room 21, not 12")
                .setCorrectsNoteId(first.getNoteId()));

    List<Note> notes =
        as(advocate())
            .listNotes(ListNotesRequest.newBuilder().setCaseId(c.getCaseId()).build())
            .getNotesList();
    assertThat(notes)
        .extracting(Note::getNoteId)
        .containsExactly(correction.getNoteId(), first.getNoteId());
    assertThat(notes.get(1).getText()).isEqualTo("Vehicle seen at the Desert Sands motel, room 12");
    assertThat(notes.getFirst().getCorrectsNoteId()).isEqualTo(first.getNoteId());
    assertThat(timeline(c)).extracting(e -> e.getAction()).contains("NOTE_ADDED", "NOTE_CORRECTED");
  }

  /** HSI adds {@code note} to the case. */
  private Note addNote(Case c, Note.Builder note) {
    return as(hsi())
        .addNote(AddNoteRequest.newBuilder().setCaseId(c.getCaseId()).setNote(note).build())
        .getNote();
  }

  /** The first page of the case's timeline, as its lead (AGO) reads it. */
  private List<CaseEvent> timeline(Case c) {
    return as(ago())
        .listCaseEvents(ListCaseEventsRequest.newBuilder().setCaseId(c.getCaseId()).build())
        .getEventsList();
  }
}
