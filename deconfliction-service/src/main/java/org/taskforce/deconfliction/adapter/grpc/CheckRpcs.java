package org.taskforce.deconfliction.adapter.grpc;

import static org.taskforce.platform.grpc.RpcFields.caller;

import org.taskforce.api.deconfliction.v1.*;
import org.taskforce.deconfliction.application.Checks;

/** The DeconflictionService RPCs of check before acting: decode, one use case, encode. */
final class CheckRpcs {
  private final Checks checks;

  CheckRpcs(Checks checks) {
    this.checks = checks;
  }

  CheckBeforeActingResponse check(CheckBeforeActingRequest request) {
    Checks.Answer a =
        checks.check(
            caller(),
            new Checks.Ask(
                SelectorMapping.selectors(request.getSelectorsList()),
                request.hasPlannedEvent()
                    ? RegistrationMapping.eventDraft(request.getPlannedEvent(), "planned_event")
                    : null,
                request.getPurpose(),
                request.getRegister(),
                ProtoMapping.contact(request.getPointOfContact()),
                ProtoMapping.disclosure(request.getDisclosureLevel(), "disclosure_level"),
                request.getCaseReference(),
                request.getIncludePartners(),
                request.getRequestId()));
    CheckBeforeActingResponse.Builder b =
        CheckBeforeActingResponse.newBuilder()
            .setCheckId(a.checkId())
            .setPolicyNote(Checks.POLICY_NOTE)
            .addAllTargetRegistrationIds(a.targetRegistrationIds())
            .setEventRegistrationId(a.eventRegistrationId());
    a.hits().forEach(h -> b.addHits(RegistrationMapping.hit(h)));
    a.partnerAnswers().forEach(p -> b.addPartnerAnswers(PartnerMapping.answer(p)));
    return b.build();
  }
}
