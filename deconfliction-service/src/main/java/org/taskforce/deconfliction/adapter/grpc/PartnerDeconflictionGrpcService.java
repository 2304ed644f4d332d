package org.taskforce.deconfliction.adapter.grpc;

import io.grpc.stub.StreamObserver;
import org.taskforce.api.deconfliction.v1.PartnerCheckRequest;
import org.taskforce.api.deconfliction.v1.PartnerCheckResponse;
import org.taskforce.api.deconfliction.v1.PartnerDeconflictionServiceGrpc;
import org.taskforce.deconfliction.application.CheckBeforeActing;
import org.taskforce.deconfliction.application.PartnerCheck;
import org.taskforce.platform.grpc.RpcFields;
import org.taskforce.platform.grpc.UnaryCalls;

/** The federation surface: partner systems check against us and get pointer answers only. */
public final class PartnerDeconflictionGrpcService
    extends PartnerDeconflictionServiceGrpc.PartnerDeconflictionServiceImplBase {
  private final PartnerCheck partnerCheck;

  public PartnerDeconflictionGrpcService(PartnerCheck partnerCheck) {
    this.partnerCheck = partnerCheck;
  }

  @Override
  public void partnerCheck(
      PartnerCheckRequest request, StreamObserver<PartnerCheckResponse> observer) {
    UnaryCalls.answer(
        observer,
        () -> {
          CheckBeforeActing.Answer answer =
              partnerCheck.check(
                  RpcFields.caller(),
                  SelectorMapping.selectors(request.getSelectorsList()),
                  request.hasPlannedEvent()
                      ? RegistrationMapping.eventDraft(request.getPlannedEvent(), "planned_event")
                      : null,
                  request.getPurpose(),
                  request.getPartnerReference(),
                  new PartnerCheck.RequestingAgency(
                      request.getRequestingAgency().getAgencyId(),
                      request.getRequestingAgency().getDisplayName()));
          PartnerCheckResponse.Builder response =
              PartnerCheckResponse.newBuilder()
                  .setCheckId(answer.checkId())
                  .setPolicyNote(CheckBeforeActing.POLICY_NOTE)
                  .addAllHits(RegistrationMapping.hits(answer.hits()));
          answer
              .crowdedNames()
              .forEach(c -> response.addCrowdedNames(RegistrationMapping.crowded(c)));
          return response.build();
        });
  }
}
