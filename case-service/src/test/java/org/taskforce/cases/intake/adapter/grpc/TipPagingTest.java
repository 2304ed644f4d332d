package org.taskforce.cases.intake.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taskforce.api.intake.v1.ListRelatedTipsRequest;
import org.taskforce.api.intake.v1.ListRelatedTipsResponse;
import org.taskforce.api.intake.v1.ListTipsRequest;
import org.taskforce.api.intake.v1.ListTipsResponse;
import org.taskforce.api.intake.v1.RelatedTip;
import org.taskforce.api.intake.v1.Tip;
import org.taskforce.api.intake.v1.TipStatus;
import org.taskforce.platform.testing.ErrorDetails;

/**
 * Tip lists page by keyset with the platform's page tokens: every tip once, newest first, and a
 * token answers only the query (reader agency, filters, asked tip) that made it.
 */
class TipPagingTest extends IntakeTestBase {

  @Test
  void listTips_pagesEveryTipOnce_newestFirst() {
    List<String> entered = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      entered.add(enter(hotline(), motelTip("505-555-01" + (50 + i))).getTipId());
    }
    List<String> seen = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      ListTipsResponse page =
          tips(agoCoordinator())
              .listTips(ListTipsRequest.newBuilder().setPageSize(2).setPageToken(token).build());
      page.getTipsList().forEach(t -> seen.add(t.getTipId()));
      assertThat(page.getTipsCount()).isLessThanOrEqualTo(2);
      token = page.getNextPageToken();
      pages++;
    } while (!token.isEmpty() && pages < 10);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(entered).doesNotHaveDuplicates();
    List<Tip> all =
        tips(agoCoordinator()).listTips(ListTipsRequest.getDefaultInstance()).getTipsList();
    assertThat(all).extracting(Tip::getTipId).containsExactlyElementsOf(seen);
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i - 1).getCreateTime().getSeconds())
          .isGreaterThanOrEqualTo(all.get(i).getCreateTime().getSeconds());
    }
  }

  @Test
  void aListToken_isRefusedForAnotherQuery_anotherAgency_orAltered() {
    for (int i = 0; i < 3; i++) {
      enter(hotline(), motelTip("505-555-016" + i));
    }
    String token =
        tips(agoCoordinator())
            .listTips(ListTipsRequest.newBuilder().setPageSize(1).build())
            .getNextPageToken();
    assertThat(token).isNotEmpty();

    List<Runnable> misuses =
        List.of(
            () ->
                tips(agoCoordinator())
                    .listTips(
                        ListTipsRequest.newBuilder()
                            .setPageSize(1)
                            .addStatuses(TipStatus.TIP_STATUS_NEW)
                            .setPageToken(token)
                            .build()),
            () ->
                tips(coordinatorOnly(HSI, "FEDERAL"))
                    .listTips(
                        ListTipsRequest.newBuilder().setPageSize(1).setPageToken(token).build()),
            () ->
                tips(agoCoordinator())
                    .listTips(
                        ListTipsRequest.newBuilder()
                            .setPageSize(1)
                            .setPageToken(altered(token))
                            .build()),
            () ->
                tips(agoCoordinator())
                    .listTips(
                        ListTipsRequest.newBuilder()
                            .setPageSize(1)
                            .setPageToken("x".repeat(600))
                            .build()));
    for (Runnable misuse : misuses) {
      var refused = catchThrowableOfType(StatusRuntimeException.class, misuse::run);
      assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(ErrorDetails.violations(refused)).containsOnlyKeys("page_token");
    }
  }

  @Test
  void relatedTips_pageOnce_andATokenAnswersOnlyTheTipItWasMadeFor() {
    String a = enter(hotline(), motelTip("505-555-0170")).getTipId();
    String b = enter(hotline(), motelTip("505-555-0170")).getTipId();
    String c = enter(hotline(), motelTip("505-555-0170")).getTipId();

    ListRelatedTipsResponse first = related(a, "");
    ListRelatedTipsResponse second = related(a, first.getNextPageToken());

    assertThat(first.getRelatedTipsCount()).isOne();
    assertThat(second.getRelatedTipsCount()).isOne();
    assertThat(second.getNextPageToken()).isEmpty();
    List<String> seen = new ArrayList<>();
    for (ListRelatedTipsResponse r : List.of(first, second)) {
      r.getRelatedTipsList().stream().map(RelatedTip::getTip).forEach(t -> seen.add(t.getTipId()));
    }
    assertThat(seen).containsExactlyInAnyOrder(b, c);

    var refused = thrownBy(() -> related(b, first.getNextPageToken()));
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(ErrorDetails.violations(refused)).containsOnlyKeys("page_token");
  }

  private ListRelatedTipsResponse related(String tipId, String token) {
    return tips(agoCoordinator())
        .listRelatedTips(
            ListRelatedTipsRequest.newBuilder()
                .setTipId(tipId)
                .setPageSize(1)
                .setPageToken(token)
                .build());
  }

  private static String altered(String token) {
    char last = token.charAt(token.length() - 5);
    return token.substring(0, token.length() - 5)
        + (last == 'A' ? 'B' : 'A')
        + token.substring(token.length() - 4);
  }
}
