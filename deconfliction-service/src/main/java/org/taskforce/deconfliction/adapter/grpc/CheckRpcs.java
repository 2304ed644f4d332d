package org.taskforce.deconfliction.adapter.grpc;

import static org.taskforce.platform.grpc.RpcFields.caller;

import org.taskforce.api.deconfliction.v1.CheckBeforeActingRequest;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingResponse;
import org.taskforce.deconfliction.application.CheckBeforeActing;

/** The DeconflictionService RPCs of check before acting: decode, one use case, encode. */
final class CheckRpcs {
  private final CheckBeforeActing checks;

  CheckRpcs(CheckBeforeActing checks) {
    this.checks = checks;
  }

  CheckBeforeActingResponse check(CheckBeforeActingRequest request) {
    CheckBeforeActing.Answer answer =
        checks.check(
            caller(),
            new CheckBeforeActing.Ask(
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
    CheckBeforeActingResponse.Builder response =
        CheckBeforeActingResponse.newBuilder()
            .setCheckId(answer.checkId())
            .setPolicyNote(CheckBeforeActing.POLICY_NOTE)
            .addAllTargetRegistrationIds(answer.targetRegistrationIds())
            .setEventRegistrationId(answer.eventRegistrationId())
            .addAllHits(RegistrationMapping.hits(answer.hits()));
    answer.partnerAnswers().forEach(p -> response.addPartnerAnswers(PartnerMapping.answer(p)));
    answer.crowdedNames().forEach(c -> response.addCrowdedNames(RegistrationMapping.crowded(c)));
    return response.build();
  }
}
