package org.taskforce.cases.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseEvent;
import org.taskforce.api.cases.v1.CaseStatus;
import org.taskforce.api.cases.v1.CaseType;
import org.taskforce.api.cases.v1.CreateCaseRequest;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.api.cases.v1.HandOffLeadRequest;
import org.taskforce.api.cases.v1.ListCaseEventsRequest;
import org.taskforce.api.cases.v1.ListCasesRequest;
import org.taskforce.api.cases.v1.ListCasesResponse;
import org.taskforce.api.cases.v1.Participant;
import org.taskforce.api.cases.v1.ParticipantRole;
import org.taskforce.api.cases.v1.ParticipantStatus;
import org.taskforce.api.cases.v1.RemoveParticipantRequest;
import org.taskforce.api.cases.v1.ReviewCaseRequest;
import org.taskforce.api.intake.v1.Industry;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.platform.testing.ErrorDetails;

class CaseLifecycleTest extends CaseTestBase {

  @Test
  void createCase_givesReadableNumberLeadAndEtag_andARetryReturnsTheSameCase() {
    int year = LocalDate.now(ZoneId.of("America/Denver")).getYear();
    CreateCaseRequest request =
        CreateCaseRequest.newBuilder()
            .setCase(
                Case.newBuilder()
                    .setTitle("Operation Desert Lantern")
                    .setCaseType(CaseType.CASE_TYPE_SEX_TRAFFICKING)
                    .addJurisdictions("NM"))
            .setRequestId("open-lantern-1")
            .build();

    Case first = as(ago()).createCase(request).getCase();
    Case retried = as(ago()).createCase(request).getCase();
    Case second = createCase(ago(), "Operation Cholla");

    // The per-year sequence keeps counting across tests in this JVM (the service's own counter
    // outlives the emptied collections), so compare numbers rather than expect 0001.
    assertThat(first.getCaseNumber()).matches("NMHTTF-" + year + "-\\d{4}");
    int firstNumber = Integer.parseInt(first.getCaseNumber().substring(12));
    assertThat(retried).isEqualTo(first);
    assertThat(second.getCaseNumber()).isEqualTo("NMHTTF-%d-%04d".formatted(year, firstNumber + 1));
    assertThat(first.getStatus()).isEqualTo(CaseStatus.CASE_STATUS_OPEN);
    assertThat(first.getParticipantsList())
        .singleElement()
        .satisfies(p -> {
          assertThat(p.getAgency().getAgencyId()).isEqualTo(AGO);
          assertThat(p.getAgency().getDisplayName())
              .isEqualTo("New Mexico Office of the Attorney General");
          assertThat(p.getRole()).isEqualTo(ParticipantRole.PARTICIPANT_ROLE_LEAD);
          assertThat(p.getStatus()).isEqualTo(ParticipantStatus.PARTICIPANT_STATUS_ACTIVE);
        });
    assertThat(first.getReviewDate().getYear()).isEqualTo(year + 1);
    assertThat(first.getEtag()).isNotEmpty();
    assertThat(database.getCollection("cases").countDocuments()).isEqualTo(2);
  }

  @Test
  void listCases_showsOnlyCasesTheAgencyKnows_filtersAndPages() {
    Case joint = jointCase();
    createCase(ago(), "AGO only: labor camp in Sunland Park");
    for (int i = 0; i < 5; i++) {
      createCase(fbi(), "FBI case " + i);
    }

    List<String> hsiSees = titles(as(hsi()).listCases(ListCasesRequest.getDefaultInstance()));
    List<String> apdSees = titles(as(apd()).listCases(ListCasesRequest.getDefaultInstance()));
    List<String> commanderSees =
        titles(
            as(taskForceCommander())
                .listCases(ListCasesRequest.newBuilder().setPageSize(100).build()));

    assertThat(hsiSees).containsExactly(joint.getTitle());
    assertThat(apdSees).containsExactly(joint.getTitle()); // invited: knows the case exists
    assertThat(commanderSees).hasSize(7);

    // Pages of 2 walk all 5 FBI cases once, newest first.
    List<String> paged = new ArrayList<>();
    String token = "";
    do {
      ListCasesResponse page =
          as(fbi())
              .listCases(ListCasesRequest.newBuilder().setPageSize(2).setPageToken(token).build());
      paged.addAll(titles(page));
      token = page.getNextPageToken();
    } while (!token.isEmpty());
    assertThat(paged)
        .containsExactly("FBI case 4", "FBI case 3", "FBI case 2", "FBI case 1", "FBI case 0");

    assertThat(
            titles(
                as(taskForceCommander())
                    .listCases(
                        ListCasesRequest.newBuilder()
                            .setTitleContains("LANTERN")
                            .addStatuses(CaseStatus.CASE_STATUS_OPEN)
                            .build())))
        .containsExactly(joint.getTitle());
    assertThat(
            titles(
                as(taskForceCommander())
                    .listCases(ListCasesRequest.newBuilder().setAgencyId(HSI).build())))
        .containsExactly(joint.getTitle());
    assertThat(
            titles(
                as(taskForceCommander())
                    .listCases(
                        ListCasesRequest.newBuilder()
                            .addCaseTypes(CaseType.CASE_TYPE_LABOR_TRAFFICKING)
                            .build())))
        .isEmpty();
  }

  @Test
  void titleSearch_takesAnyTextLiterally_evenANulOrRegexCharacters() {
    Case odd = createCase(ago(), "Op \u0000Nul (a+b)*\\E [x]");
    createCase(ago(), "Op Nul ab");
    for (String text : List.of("\u0000nul", "(A+B)*", "\\e [X]", "p \u0000")) {
      assertThat(
              titles(
                  as(ago())
                      .listCases(ListCasesRequest.newBuilder().setTitleContains(text).build())))
          .as(text)
          .containsExactly(odd.getTitle());
    }
  }

  @Test
  void anAgencyCommander_seesOnlyCasesItsAgencyIsOn_theTaskForceCommanderSeesEvery() {
    Case joint = jointCase(); // the crisis center (a victim-service provider) is on it
    Case fbiOnly = createCase(fbi(), "FBI only: wage theft ring");

    var hidden =
        thrownBy(() ->
            as(providerCommander())
                .getCase(GetCaseRequest.newBuilder().setCaseId(fbiOnly.getCaseId()).build()));
    assertThat(hidden.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            thrownBy(() ->
                    as(commander())
                        .getCase(GetCaseRequest.newBuilder().setCaseId(joint.getCaseId()).build()))
                .getStatus()
                .getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            as(providerCommander())
                .getCase(GetCaseRequest.newBuilder().setCaseId(joint.getCaseId()).build())
                .getCase()
                .getCaseId())
        .isEqualTo(joint.getCaseId());

    assertThat(titles(as(providerCommander()).listCases(ListCasesRequest.getDefaultInstance())))
        .containsExactly(joint.getTitle());
    assertThat(titles(as(commander()).listCases(ListCasesRequest.getDefaultInstance()))).isEmpty();
    assertThat(titles(as(taskForceCommander()).listCases(ListCasesRequest.getDefaultInstance())))
        .containsExactlyInAnyOrder(joint.getTitle(), fbiOnly.getTitle());
  }

  @Test
  void updateCase_changesOnlyMaskedFields_andAStaleEtagIsAborted() {
    Case c = createCase(ago(), "Operation Desert Lantern");

    Case updated =
        as(ago())
            .updateCase(
                caseUpdate(
                    c,
                    b ->
                        b.setTitle("Operation Desert Lantern II")
                            .setSummary("ignored: not in the mask"),
                    "title"))
            .getCase();

    assertThat(updated.getTitle()).isEqualTo("Operation Desert Lantern II");
    assertThat(updated.getSummary()).isEqualTo(c.getSummary());
    assertThat(updated.getEtag()).isNotEqualTo(c.getEtag());

    var stale =
        thrownBy(
            () -> as(ago()).updateCase(caseUpdate(c, b -> b.setTitle("lost update"), "title")));
    assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
    assertThat(ErrorDetails.reason(stale)).isEqualTo("STALE_ETAG");
    assertThat(current(c).getTitle()).isEqualTo("Operation Desert Lantern II");
  }

  @Test
  void industries_areSetOnCreate_changedOnlyThroughTheMask_andAnUnknownOneIsAFieldViolation() {
    Case c =
        as(ago())
            .createCase(
                CreateCaseRequest.newBuilder()
                    .setCase(
                        Case.newBuilder()
                            .setTitle("Spa on Menaul")
                            .setCaseType(CaseType.CASE_TYPE_SEX_TRAFFICKING)
                            .addIndustries(Industry.INDUSTRY_MASSAGE_PARLOR)
                            .addIndustries(Industry.INDUSTRY_MASSAGE_PARLOR))
                    .build())
            .getCase();
    assertThat(c.getIndustriesList()).containsExactly(Industry.INDUSTRY_MASSAGE_PARLOR);

    Case titled =
        as(ago())
            .updateCase(
                caseUpdate(c, b -> b.setTitle("Spa on Menaul Blvd").clearIndustries(), "title"))
            .getCase();
    assertThat(titled.getIndustriesList()).containsExactly(Industry.INDUSTRY_MASSAGE_PARLOR);

    Case changed =
        as(ago())
            .updateCase(
                caseUpdate(
                    titled,
                    b ->
                        b.clearIndustries()
                            .addIndustries(Industry.INDUSTRY_DOMESTIC_SERVITUDE)
                            .addIndustries(Industry.INDUSTRY_MASSAGE_PARLOR),
                    "industries"))
            .getCase();
    assertThat(changed.getIndustriesList())
        .containsExactly(Industry.INDUSTRY_MASSAGE_PARLOR, Industry.INDUSTRY_DOMESTIC_SERVITUDE);
    assertThat(current(c).getIndustriesList()).isEqualTo(changed.getIndustriesList());

    var bad =
        thrownBy(() ->
            as(ago())
                .updateCase(
                    caseUpdate(
                        changed,
                        b -> b.clearIndustries().addIndustries(Industry.INDUSTRY_UNSPECIFIED),
                        "industries")));
    assertThat(bad.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(ErrorDetails.violations(bad)).containsKey("case.industries[0]");
    assertThat(current(c).getIndustriesList()).isEqualTo(changed.getIndustriesList());
  }

  @Test
  void twoAgenciesUpdatingWithTheSameEtag_exactlyOneWins_andNothingOfTheOtherIsStored()
      throws Exception {
    Case c = jointCase();
    // The lead (AGO) edits the summary while HSI leaves the case: two agencies, one etag.
    Case base = current(c);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Case> edit =
          pool.submit(() -> {
            start.await();
            return as(ago())
                .updateCase(caseUpdate(base, b -> b.setSummary("edited by AGO"), "summary"))
                .getCase();
          });
      Future<Case> leave =
          pool.submit(() -> {
            start.await();
            return as(hsi())
                .removeParticipant(
                    RemoveParticipantRequest.newBuilder()
                        .setCaseId(base.getCaseId())
                        .setAgencyId(HSI)
                        .setEtag(base.getEtag())
                        .build())
                .getCase();
          });
      start.countDown();
      List<Throwable> failures = new ArrayList<>();
      List<Case> wins = new ArrayList<>();
      for (Future<Case> f : List.of(edit, leave)) {
        try {
          wins.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(e.getCause());
        }
      }
      assertThat(wins).hasSize(1);
      assertThat(failures)
          .singleElement()
          .satisfies(e ->
              assertThat(((StatusRuntimeException) e).getStatus().getCode())
                  .isEqualTo(Status.Code.ABORTED));
      Case now = current(c);
      assertThat(now).isEqualTo(wins.getFirst());
      boolean editWon = now.getSummary().equals("edited by AGO");
      ParticipantStatus hsiStatus =
          now.getParticipantsList().stream()
              .filter(p -> p.getAgency().getAgencyId().equals(HSI))
              .findFirst()
              .orElseThrow()
              .getStatus();
      // Nothing of the loser's write is stored.
      assertThat(hsiStatus)
          .isEqualTo(
              editWon
                  ? ParticipantStatus.PARTICIPANT_STATUS_ACTIVE
                  : ParticipantStatus.PARTICIPANT_STATUS_REMOVED);
      assertThat(now.getSummary()).isEqualTo(editWon ? "edited by AGO" : base.getSummary());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void statusMovesAlongTheLifecycle_andAnInvalidMoveIsRefused() {
    Case c = createCase(ago(), "Operation Desert Lantern");

    var skip =
        thrownBy(() -> changeStatus(ago(), c, CaseStatus.CASE_STATUS_REFERRED_FOR_PROSECUTION));
    assertThat(skip.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(ErrorDetails.reason(skip)).isEqualTo("INVALID_STATUS_TRANSITION");

    Case active = changeStatus(ago(), c, CaseStatus.CASE_STATUS_ACTIVE);
    Case referred = changeStatus(ago(), active, CaseStatus.CASE_STATUS_REFERRED_FOR_PROSECUTION);
    Case closed = changeStatus(ago(), referred, CaseStatus.CASE_STATUS_CLOSED);
    assertThat(closed.getStatus()).isEqualTo(CaseStatus.CASE_STATUS_CLOSED);

    var reopen = thrownBy(() -> changeStatus(ago(), closed, CaseStatus.CASE_STATUS_ACTIVE));
    assertThat(reopen.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(current(c).getStatus()).isEqualTo(CaseStatus.CASE_STATUS_CLOSED);
  }

  @Test
  void reviewCase_setsTheNextReview_withinFiveYears() {
    Case c = createCase(ago(), "Operation Desert Lantern");
    LocalDate today = LocalDate.now(ZoneId.of("America/Denver"));

    Case reviewed =
        as(ago())
            .reviewCase(
                ReviewCaseRequest.newBuilder()
                    .setCaseId(c.getCaseId())
                    .setNextReviewDate(CaseMapping.date(today.plusYears(2)))
                    .setNote("criminal predicate still met")
                    .setEtag(c.getEtag())
                    .build())
            .getCase();
    assertThat(reviewed.getReviewDate()).isEqualTo(CaseMapping.date(today.plusYears(2)));

    var tooFar =
        thrownBy(() ->
            as(ago())
                .reviewCase(
                    ReviewCaseRequest.newBuilder()
                        .setCaseId(c.getCaseId())
                        .setNextReviewDate(CaseMapping.date(today.plusYears(6)))
                        .setEtag(reviewed.getEtag())
                        .build()));
    assertThat(tooFar.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(ErrorDetails.violations(tooFar)).containsKey("next_review_date");
  }

  @Test
  void handOffLead_movesTheLeadInOneStep_recordsBoth_andTellsEveryone() {
    Case c = jointCase();

    Case handed =
        as(ago())
            .handOffLead(
                HandOffLeadRequest.newBuilder()
                    .setCaseId(c.getCaseId())
                    .setNewLeadAgencyId(USAO)
                    .setPreviousLeadRole(ParticipantRole.PARTICIPANT_ROLE_SUPPORTING)
                    .setReason("referred for federal prosecution")
                    .setEtag(c.getEtag())
                    .build())
            .getCase();

    assertThat(leadOf(handed)).isEqualTo(USAO);
    assertThat(
            handed.getParticipantsList().stream()
                .filter(p -> p.getRole() == ParticipantRole.PARTICIPANT_ROLE_LEAD))
        .hasSize(1);
    assertThat(roleOf(handed, AGO)).isEqualTo(ParticipantRole.PARTICIPANT_ROLE_SUPPORTING);
    // The old lead can no longer administer; the new one can.
    var oldLead = thrownBy(() -> changeStatus(ago(), handed, CaseStatus.CASE_STATUS_ACTIVE));
    assertThat(oldLead.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(changeStatus(usao(), handed, CaseStatus.CASE_STATUS_ACTIVE).getStatus())
        .isEqualTo(CaseStatus.CASE_STATUS_ACTIVE);
    // The lead cannot simply leave.
    var leave =
        thrownBy(() ->
            as(usao())
                .removeParticipant(
                    RemoveParticipantRequest.newBuilder()
                        .setCaseId(c.getCaseId())
                        .setAgencyId(USAO)
                        .setEtag(current(c).getEtag())
                        .build()));
    assertThat(ErrorDetails.reason(leave)).isEqualTo("LEAD_CANNOT_LEAVE");

    drainOutbox();
    assertThat(NOTIFICATIONS.publishedTo(HSI))
        .anySatisfy(n -> {
          assertThat(n.getKind()).isEqualTo(NotificationKind.NOTIFICATION_KIND_CASE_UPDATED);
          assertThat(n.getTitle()).contains("New lead");
        });
    assertThat(NOTIFICATIONS.publishedTo(APD))
        .anySatisfy(
            n -> assertThat(n.getKind()).isEqualTo(NotificationKind.NOTIFICATION_KIND_CASE_SHARED));

    List<CaseEvent> timeline =
        as(usao())
            .listCaseEvents(ListCaseEventsRequest.newBuilder().setCaseId(c.getCaseId()).build())
            .getEventsList();
    assertThat(timeline)
        .anySatisfy(e -> {
          assertThat(e.getAction()).isEqualTo("LEAD_HANDED_OFF");
          assertThat(e.getSummary()).contains(AGO).contains(USAO);
          assertThat(e.getActor().getAgencyId()).isEqualTo(AGO);
        });
  }

  @Test
  void timeline_showsReadsAndRefusedAttempts_soOwnersSeeWhoAccessedTheirCase() {
    Case c = createCase(ago(), "Operation Desert Lantern");
    as(ago()).getCase(GetCaseRequest.newBuilder().setCaseId(c.getCaseId()).build());
    thrownBy(() -> as(fbi()).getCase(GetCaseRequest.newBuilder().setCaseId(c.getCaseId()).build()));
    as(taskForceCommander()).getCase(GetCaseRequest.newBuilder().setCaseId(c.getCaseId()).build());

    List<CaseEvent> events =
        as(ago())
            .listCaseEvents(ListCaseEventsRequest.newBuilder().setCaseId(c.getCaseId()).build())
            .getEventsList();

    assertThat(events)
        .extracting(e -> e.getAction() + "/" + e.getActor().getAgencyId() + "/" + e.getOutcome())
        .containsSubsequence(
            "CASE_READ/" + BCSO + "/SUCCESS",
            "CASE_READ/" + FBI + "/DENIED",
            "CASE_READ/" + AGO + "/SUCCESS",
            "CASE_CREATED/" + AGO + "/SUCCESS");
  }

  // ---- helpers

  static String leadOf(Case c) {
    return c.getParticipantsList().stream()
        .filter(p -> p.getRole() == ParticipantRole.PARTICIPANT_ROLE_LEAD)
        .map(p -> p.getAgency().getAgencyId())
        .findFirst()
        .orElseThrow();
  }

  static ParticipantRole roleOf(Case c, String agency) {
    return c.getParticipantsList().stream()
        .filter(p -> p.getAgency().getAgencyId().equals(agency))
        .map(Participant::getRole)
        .findFirst()
        .orElseThrow();
  }

  private static List<String> titles(ListCasesResponse r) {
    return r.getCasesList().stream().map(Case::getTitle).toList();
  }
}
