package org.taskforce.cases.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseChange;
import org.taskforce.api.cases.v1.CaseEvent;
import org.taskforce.api.cases.v1.CaseStatus;
import org.taskforce.api.cases.v1.ChangeCaseStatusRequest;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.api.cases.v1.HandOffLeadRequest;
import org.taskforce.api.cases.v1.ParticipantRole;
import org.taskforce.api.cases.v1.RemoveParticipantRequest;
import org.taskforce.api.cases.v1.ReviewCaseRequest;
import org.taskforce.api.cases.v1.Subject;

/**
 * The reason of ChangeCaseStatus, RemoveParticipant, HandOffLead and RemoveSubject and the note of
 * ReviewCase are kept — in the case's history (or the subject) and in the case timeline — and
 * returned where a reader looks (issue 20, item 1; before, they were validated and dropped).
 */
class ReasonsKeptTest extends CaseTestBase {
  /** What each change of the first test did and why, in the order it was made. */
  private static final Tuple[] REASONS = {
    tuple("CASE_STATUS_CHANGED", "Grand jury subpoenas served"),
    tuple("CASE_REVIEWED", "Criminal predicate still met; keep intelligence"),
    tuple("PARTICIPANT_REMOVED", "No local nexus"),
    tuple("LEAD_HANDED_OFF", "Federal charges take over")
  };

  @Test
  void reasonsAndTheReviewNote_areInTheCaseHistory_andTheTimeline() {
    Case c = jointCase();
    c =
        as(ago())
            .changeCaseStatus(
                ChangeCaseStatusRequest.newBuilder()
                    .setCaseId(c.getCaseId())
                    .setStatus(CaseStatus.CASE_STATUS_ACTIVE)
                    .setReason("Grand jury subpoenas served")
                    .setEtag(c.getEtag())
                    .build())
            .getCase();
    c =
        as(ago())
            .reviewCase(
                ReviewCaseRequest.newBuilder()
                    .setCaseId(c.getCaseId())
                    .setNextReviewDate(
                        CaseMapping.date(LocalDate.now(ZoneId.of("America/Denver")).plusYears(1)))
                    .setNote("Criminal predicate still met; keep intelligence")
                    .setEtag(c.getEtag())
                    .build())
            .getCase();
    c =
        as(ago())
            .removeParticipant(
                RemoveParticipantRequest.newBuilder()
                    .setCaseId(c.getCaseId())
                    .setAgencyId(APD)
                    .setReason("No local nexus")
                    .setEtag(c.getEtag())
                    .build())
            .getCase();
    c =
        as(ago())
            .handOffLead(
                HandOffLeadRequest.newBuilder()
                    .setCaseId(c.getCaseId())
                    .setNewLeadAgencyId(HSI)
                    .setPreviousLeadRole(ParticipantRole.PARTICIPANT_ROLE_SUPPORTING)
                    .setReason("Federal charges take over")
                    .setEtag(c.getEtag())
                    .build())
            .getCase();

    Case read =
        as(usao()).getCase(GetCaseRequest.newBuilder().setCaseId(c.getCaseId()).build()).getCase();
    assertThat(read.getChangesList())
        .filteredOn(h -> !h.getReason().isEmpty())
        .extracting(CaseChange::getAction, CaseChange::getReason)
        .containsExactly(REASONS);
    assertThat(read.getChangesList().getLast().getActor().getAgencyId()).isEqualTo(AGO);

    List<CaseEvent> events = events(c);
    assertThat(events)
        .filteredOn(e -> !e.getReason().isEmpty())
        .extracting(CaseEvent::getAction, CaseEvent::getReason)
        .contains(REASONS);
  }

  @Test
  void theReasonARemovedSubjectWasRemovedFor_isOnTheSubject_andInTheTimeline() {
    Case c = jointCase();
    Subject s = addPhoneSubject(c, "+15055550123");

    Subject removed = removeSubject(hsi(), c, s, "Burner phone, dropped by the target");

    assertThat(removed.getRemovalReason()).isEqualTo("Burner phone, dropped by the target");
    assertThat(removed.getRemoved().getAgencyId()).isEqualTo(HSI);
    assertThat(subjects(c).get(0).getRemovalReason())
        .isEqualTo("Burner phone, dropped by the target");
    assertThat(events(c))
        .filteredOn(e -> e.getAction().equals("SUBJECT_REMOVED"))
        .singleElement()
        .satisfies(e -> assertThat(e.getReason()).isEqualTo("Burner phone, dropped by the target"));
  }
}
