package org.taskforce.cases.intake.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.taskforce.api.common.v1.PointOfContact;
import org.taskforce.api.intake.v1.ConvertTipToCaseRequest;
import org.taskforce.api.intake.v1.ConvertTipToCaseResponse;
import org.taskforce.api.intake.v1.ListTipsRequest;
import org.taskforce.api.intake.v1.Tip;
import org.taskforce.api.intake.v1.TipStatus;

/**
 * Which case a tip became belongs to that case's participants: the receiving agency that assigned
 * the tip to another agency, which then opened a case it alone is on, sees the tip converted but
 * neither the case's id nor how many possible victims moved into it; the case's lead sees both.
 */
class TipCaseVisibilityTest extends IntakeTestBase {

  @Test
  void aReaderNotOnTheCase_seesTheTipConverted_withoutTheCaseIdOrVictimCount() {
    Tip assigned = assignedToApd("505-555-0197");
    ConvertTipToCaseResponse byApd =
        tips(investigator(APD, "LOCAL"))
            .convertTipToCase(
                ConvertTipToCaseRequest.newBuilder()
                    .setTipId(assigned.getTipId())
                    .setTitle("Central Ave motel")
                    .setEtag(assigned.getEtag())
                    .setPointOfContact(
                        PointOfContact.newBuilder()
                            .setDisplayName("Det. Chavez")
                            .setPhone("+15055550121"))
                    .build());

    Tip seenByAgo = get(agoCoordinator(), assigned.getTipId());
    Tip listedForAgo =
        tips(agoCoordinator()).listTips(ListTipsRequest.getDefaultInstance()).getTipsList().stream()
            .filter(t -> t.getTipId().equals(assigned.getTipId()))
            .findFirst()
            .orElseThrow();
    Tip seenByApd = get(investigator(APD, "LOCAL"), assigned.getTipId());

    assertThat(byApd.getCaseId()).isNotEmpty();
    assertThat(byApd.getTip().getCaseId()).isEqualTo(byApd.getCaseId());
    assertThat(seenByApd.getCaseId()).isEqualTo(byApd.getCaseId());
    assertThat(seenByApd.getStatusNote()).contains("1 possible victim");
    for (Tip t : new Tip[] {seenByAgo, listedForAgo}) {
      assertThat(t.getStatus()).isEqualTo(TipStatus.TIP_STATUS_CONVERTED);
      assertThat(t.getCaseId()).isEmpty();
      assertThat(t.toString()).doesNotContain(byApd.getCaseId()).doesNotContain("possible victim");
    }
  }
}
