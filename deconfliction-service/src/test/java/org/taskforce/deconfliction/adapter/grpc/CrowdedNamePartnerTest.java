package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.taskforce.api.common.v1.AgencyRef;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.deconfliction.v1.PartnerCheckRequest;
import org.taskforce.api.deconfliction.v1.PartnerCheckResponse;
import org.taskforce.api.deconfliction.v1.PartnerDeconflictionServiceGrpc;
import org.taskforce.platform.testing.BearerCredentials;

/** Partner systems' checks are bounded as our own people's are ({@link CrowdedNameTest}). */
@TestPropertySource(properties = "taskforce.deconfliction.name-only-bound=3")
class CrowdedNamePartnerTest extends DeconflictionTestBase {
  @Test
  void partnerSystems_getTheSameBound() {
    for (int i = 0; i < 4; i++) {
      register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, CrowdedNameTest.MARIA);
    }
    drainOutbox();
    NOTIFICATIONS.clear();
    String partner = REALM.client("az-deconfliction", "az-dps", "STATE", "partner-system").mint();
    PartnerCheckResponse r =
        PartnerDeconflictionServiceGrpc.newBlockingStub(channel)
            .withCallCredentials(BearerCredentials.of(partner))
            .partnerCheck(
                PartnerCheckRequest.newBuilder()
                    .addSelectors(CrowdedNameTest.MARIA)
                    .setPurpose("AZ warrant")
                    .setRequestingAgency(AgencyRef.newBuilder().setDisplayName("Phoenix PD"))
                    .build());
    assertThat(r.getHitsList()).isEmpty();
    assertThat(r.getCrowdedNamesList()).containsExactly(CrowdedNameTest.CROWDED_AT_3);
    drainOutbox();
    assertThat(NOTIFICATIONS.published()).isEmpty();
  }
}
