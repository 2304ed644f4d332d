package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.deconfliction.v1.Conflict;
import org.taskforce.api.deconfliction.v1.ConflictStatus;
import org.taskforce.api.deconfliction.v1.ListConflictsRequest;
import org.taskforce.api.deconfliction.v1.ListConflictsResponse;
import org.taskforce.api.deconfliction.v1.ListTargetRegistrationsRequest;
import org.taskforce.api.deconfliction.v1.ListTargetRegistrationsResponse;
import org.taskforce.platform.testing.ErrorDetails;

/** Issue 18 item 1: lists select only what the reader may see; tokens are bound to the query. */
class ConflictListingTest extends DeconflictionTestBase {

  private List<ListConflictsResponse> walk(String token, ListConflictsRequest first) {
    List<ListConflictsResponse> pages = new ArrayList<>();
    ListConflictsRequest request = first;
    while (true) {
      ListConflictsResponse page = as(token).listConflicts(request);
      pages.add(page);
      if (page.getNextPageToken().isEmpty()) {
        return pages;
      }
      request = request.toBuilder().setPageToken(page.getNextPageToken()).build();
    }
  }

  /** HSI has two conflicts it may see (with FBI) and, between them, one hidden by APD. */
  private void hsiWithAHiddenConflictBetweenTwoVisibleOnes() {
    register(fbi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0101"));
    register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0101"));
    register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_RESTRICTED, phone("505-555-0102"));
    register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0102"));
    register(fbi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0103"));
    register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0103"));
  }

  @Test
  void pagingOneByOne_neverGivesAnEmptyPageWhereAHiddenConflictSits() {
    hsiWithAHiddenConflictBetweenTwoVisibleOnes();

    List<ListConflictsResponse> pages =
        walk(hsi(), ListConflictsRequest.newBuilder().setPageSize(1).build());

    assertThat(pages).allSatisfy(p -> assertThat(p.getConflictsList()).hasSize(1));
    assertThat(pages.get(pages.size() - 1).getNextPageToken()).isEmpty();
    List<Conflict> seen = pages.stream().flatMap(p -> p.getConflictsList().stream()).toList();
    assertThat(seen).hasSize(2);
    assertThat(seen)
        .allSatisfy(c ->
            assertThat(c.getSidesList())
                .allSatisfy(s ->
                    assertThat(s.getDisclosureLevel())
                        .isEqualTo(DisclosureLevel.DISCLOSURE_LEVEL_OPEN)));
    // The restricted owner sees its conflict; a watch officer sees all three.
    assertThat(walk(apd(), ListConflictsRequest.newBuilder().setPageSize(1).build()))
        .flatExtracting(ListConflictsResponse::getConflictsList)
        .hasSize(1);
    assertThat(
            walk(
                    watchOfficer(),
                    ListConflictsRequest.newBuilder().setPageSize(2).setAllAgencies(true).build())
                .stream()
                .mapToInt(ListConflictsResponse::getConflictsCount)
                .sum())
        .isEqualTo(3);
  }

  @Test
  void everyPageSize_walksTheSameConflicts_asOneBigPage() {
    hsiWithAHiddenConflictBetweenTwoVisibleOnes();
    for (int i = 0; i < 5; i++) {
      register(fbi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-020" + i));
      register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY, phone("505-555-020" + i));
    }
    List<String> all =
        as(hsi())
            .listConflicts(ListConflictsRequest.newBuilder().setPageSize(100).build())
            .getConflictsList()
            .stream()
            .map(Conflict::getConflictId)
            .toList();
    assertThat(all).hasSize(7).doesNotHaveDuplicates();
    for (int size : List.of(1, 3, 7)) {
      List<ListConflictsResponse> pages =
          walk(hsi(), ListConflictsRequest.newBuilder().setPageSize(size).build());
      assertThat(pages.stream().flatMap(p -> p.getConflictsList().stream()))
          .extracting(Conflict::getConflictId)
          .as("page size " + size)
          .containsExactlyElementsOf(all);
    }
  }

  @Test
  void aPageTokenOfAnotherQuery_orAnotherAgency_orMadeUp_isInvalidArgument() {
    hsiWithAHiddenConflictBetweenTwoVisibleOnes();
    String token =
        as(hsi())
            .listConflicts(ListConflictsRequest.newBuilder().setPageSize(1).build())
            .getNextPageToken();
    assertThat(token).isNotEmpty();

    List<Runnable> misuses =
        List.of(
            () ->
                as(fbi())
                    .listConflicts(
                        ListConflictsRequest.newBuilder()
                            .setPageSize(1)
                            .setPageToken(token)
                            .build()),
            () ->
                as(hsi())
                    .listConflicts(
                        ListConflictsRequest.newBuilder()
                            .setPageSize(1)
                            .addStatuses(ConflictStatus.CONFLICT_STATUS_NEW)
                            .setPageToken(token)
                            .build()),
            () ->
                as(hsi())
                    .listTargetRegistrations(
                        ListTargetRegistrationsRequest.newBuilder().setPageToken(token).build()),
            () ->
                as(hsi())
                    .listConflicts(
                        ListConflictsRequest.newBuilder().setPageToken("bzoxMDA").build()),
            () ->
                as(hsi())
                    .listConflicts(
                        ListConflictsRequest.newBuilder().setPageToken("%%not a token").build()),
            () ->
                as(hsi()).listConflicts(ListConflictsRequest.newBuilder().setPageSize(-1).build()));
    for (Runnable misuse : misuses) {
      StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, misuse::run);
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(ErrorDetails.violations(e).keySet()).containsAnyOf("page_token", "page_size");
    }
  }

  @Test
  void targetRegistrations_pageExactly_atEverySize() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      ids.add(
          register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-03" + (10 + i)))
              .getRegistration()
              .getRegistrationId());
    }
    for (int size : List.of(1, 7, 100)) {
      List<String> seen = new ArrayList<>();
      String token = "";
      do {
        ListTargetRegistrationsResponse page =
            as(hsi())
                .listTargetRegistrations(
                    ListTargetRegistrationsRequest.newBuilder()
                        .setPageSize(size)
                        .setPageToken(token)
                        .build());
        if (!page.getNextPageToken().isEmpty()) {
          assertThat(page.getRegistrationsCount()).isEqualTo(size);
        }
        page.getRegistrationsList().forEach(r -> seen.add(r.getRegistrationId()));
        token = page.getNextPageToken();
      } while (!token.isEmpty());
      assertThat(seen).as("page size " + size).containsExactlyInAnyOrderElementsOf(ids);
      assertThat(seen).doesNotHaveDuplicates();
    }
  }
}
