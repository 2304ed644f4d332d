package org.taskforce.cases.adapter.grpc;

import static org.taskforce.platform.grpc.RpcFields.caller;
import static org.taskforce.platform.grpc.RpcFields.requireEtag;
import static org.taskforce.platform.grpc.RpcFields.requireId;

import org.taskforce.api.cases.v1.HandOffLeadRequest;
import org.taskforce.api.cases.v1.HandOffLeadResponse;
import org.taskforce.api.cases.v1.InviteParticipantRequest;
import org.taskforce.api.cases.v1.InviteParticipantResponse;
import org.taskforce.api.cases.v1.RemoveParticipantRequest;
import org.taskforce.api.cases.v1.RemoveParticipantResponse;
import org.taskforce.api.cases.v1.RespondToInvitationRequest;
import org.taskforce.api.cases.v1.RespondToInvitationResponse;
import org.taskforce.cases.application.AnswerInvitation;
import org.taskforce.cases.application.HandOffLead;
import org.taskforce.cases.application.InviteParticipant;
import org.taskforce.cases.application.RemoveParticipant;
import org.taskforce.cases.domain.JointCase;

/** Who works a case: InviteParticipant, RespondToInvitation, RemoveParticipant, HandOffLead. */
public final class ParticipantRpcs {
  private final InviteParticipant invite;
  private final AnswerInvitation answer;
  private final RemoveParticipant remove;
  private final HandOffLead handOff;

  public ParticipantRpcs(
      InviteParticipant invite,
      AnswerInvitation answer,
      RemoveParticipant remove,
      HandOffLead handOff) {
    this.invite = invite;
    this.answer = answer;
    this.remove = remove;
    this.handOff = handOff;
  }

  InviteParticipantResponse invite(InviteParticipantRequest request) {
    String caseId = requireId("case_id", request.getCaseId());
    long version = requireEtag("etag", request.getEtag());
    JointCase jointCase =
        invite.invite(
            caller(),
            new InviteParticipant.Command(
                caseId,
                request.getAgency().getAgencyId(),
                CaseMapping.role(request.getRole()),
                version));
    return InviteParticipantResponse.newBuilder().setCase(CaseMapping.toProto(jointCase)).build();
  }

  RespondToInvitationResponse respond(RespondToInvitationRequest request) {
    JointCase jointCase =
        answer.answer(
            caller(),
            new AnswerInvitation.Command(
                requireId("case_id", request.getCaseId()),
                requireId("agency_id", request.getAgencyId()),
                request.getAccept(),
                request.hasPointOfContact()
                    ? CaseMapping.contact(request.getPointOfContact())
                    : null));
    return RespondToInvitationResponse.newBuilder().setCase(CaseMapping.toProto(jointCase)).build();
  }

  RemoveParticipantResponse remove(RemoveParticipantRequest request) {
    String caseId = requireId("case_id", request.getCaseId());
    String agencyId = requireId("agency_id", request.getAgencyId());
    long version = requireEtag("etag", request.getEtag());
    JointCase jointCase =
        remove.remove(
            caller(),
            new RemoveParticipant.Command(caseId, agencyId, request.getReason(), version));
    return RemoveParticipantResponse.newBuilder().setCase(CaseMapping.toProto(jointCase)).build();
  }

  HandOffLeadResponse handOffLead(HandOffLeadRequest request) {
    String caseId = requireId("case_id", request.getCaseId());
    long version = requireEtag("etag", request.getEtag());
    JointCase jointCase =
        handOff.handOff(
            caller(),
            new HandOffLead.Command(
                caseId,
                request.getNewLeadAgencyId(),
                CaseMapping.role(request.getPreviousLeadRole()),
                request.getReason(),
                version));
    return HandOffLeadResponse.newBuilder().setCase(CaseMapping.toProto(jointCase)).build();
  }
}
