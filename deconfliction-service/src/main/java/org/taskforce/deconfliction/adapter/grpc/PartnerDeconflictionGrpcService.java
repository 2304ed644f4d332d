package org.taskforce.deconfliction.adapter.grpc;

import io.grpc.stub.StreamObserver;
import org.taskforce.api.deconfliction.v1.PartnerCheckRequest;
import org.taskforce.api.deconfliction.v1.PartnerCheckResponse;
import org.taskforce.api.deconfliction.v1.PartnerDeconflictionServiceGrpc;
import org.taskforce.deconfliction.application.Checks;
import org.taskforce.platform.grpc.RpcFields;
import org.taskforce.platform.grpc.UnaryCalls;

/** The federation surface: partner systems check against us and get pointer answers only. */
public final class PartnerDeconflictionGrpcService
    extends PartnerDeconflictionServiceGrpc.PartnerDeconflictionServiceImplBase {
  private final Checks checks;

  public PartnerDeconflictionGrpcService(Checks checks) {
    this.checks = checks;
  }

  @Override
  public void partnerCheck(
      PartnerCheckRequest request, StreamObserver<PartnerCheckResponse> observer) {
    UnaryCalls.answer(
        observer,
        () -> {
          Checks.Answer a =
              checks.partnerCheck(
                  RpcFields.caller(),
                  SelectorMapping.selectors(request.getSelectorsList()),
                  request.hasPlannedEvent()
                      ? RegistrationMapping.eventDraft(request.getPlannedEvent(), "planned_event")
                      : null,
                  request.getPurpose(),
                  request.getPartnerReference(),
                  new Checks.RequestingAgency(
                      request.getRequestingAgency().getAgencyId(),
                      request.getRequestingAgency().getDisplayName()));
          PartnerCheckResponse.Builder b =
              PartnerCheckResponse.newBuilder()
                  .setCheckId(a.checkId())
                  .setPolicyNote(Checks.POLICY_NOTE);
          a.hits().forEach(h -> b.addHits(RegistrationMapping.hit(h)));
          return b.build();
        });
  }
}
