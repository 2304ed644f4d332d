package org.taskforce.deconfliction.adapter.grpc;

import org.taskforce.api.deconfliction.v1.PartnerAnswer;
import org.taskforce.api.deconfliction.v1.PartnerAnswerStatus;
import org.taskforce.deconfliction.application.PartnerDirectory;

final class PartnerMapping {
  private PartnerMapping() {}

  static PartnerAnswer answer(PartnerDirectory.PartnerResult p) {
    return PartnerAnswer.newBuilder()
        .setPartnerId(p.partnerId())
        .setDisplayName(p.displayName())
        .setStatus(PartnerAnswerStatus.valueOf("PARTNER_ANSWER_STATUS_" + p.status().name()))
        .setDetail(p.detail())
        .addAllHits(RegistrationMapping.hits(p.hits()))
        .build();
  }
}
