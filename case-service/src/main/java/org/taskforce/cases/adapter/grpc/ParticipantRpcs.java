package org.taskforce.cases.adapter.grpc;

import static org.taskforce.cases.adapter.grpc.RequestFields.caller;
import static org.taskforce.cases.adapter.grpc.RequestFields.id;

import org.taskforce.api.cases.v1.HandOffLeadRequest;
import org.taskforce.api.cases.v1.HandOffLeadResponse;
import org.taskforce.api.cases.v1.InviteParticipantRequest;
import org.taskforce.api.cases.v1.InviteParticipantResponse;
import org.taskforce.api.cases.v1.RemoveParticipantRequest;
import org.taskforce.api.cases.v1.RemoveParticipantResponse;
import org.taskforce.api.cases.v1.RespondToInvitationRequest;
import org.taskforce.api.cases.v1.RespondToInvitationResponse;
import org.taskforce.cases.application.Cases;
import org.taskforce.cases.domain.JointCase;

/** Who works a case: InviteParticipant, RespondToInvitation, RemoveParticipant, HandOffLead. */
public final class ParticipantRpcs {
  private final Cases cases;

  public ParticipantRpcs(Cases cases) {
    this.cases = cases;
  }

  InviteParticipantResponse invite(InviteParticipantRequest request) {
    String caseId = id("case_id", request.getCaseId());
    long version = CaseMapping.version("etag", request.getEtag());
    JointCase c =
        cases.invite(
            caller(),
            caseId,
            request.getAgency().getAgencyId(),
            CaseMapping.role(request.getRole()),
            version);
    return InviteParticipantResponse.newBuilder().setCase(CaseMapping.toProto(c)).build();
  }

  RespondToInvitationResponse respond(RespondToInvitationRequest request) {
    JointCase c =
        cases.respond(
            caller(),
            id("case_id", request.getCaseId()),
            id("agency_id", request.getAgencyId()),
            request.getAccept(),
            request.hasPointOfContact() ? CaseMapping.contact(request.getPointOfContact()) : null);
    return RespondToInvitationResponse.newBuilder().setCase(CaseMapping.toProto(c)).build();
  }

  RemoveParticipantResponse remove(RemoveParticipantRequest request) {
    String caseId = id("case_id", request.getCaseId());
    String agencyId = id("agency_id", request.getAgencyId());
    long version = CaseMapping.version("etag", request.getEtag());
    JointCase c = cases.remove(caller(), caseId, agencyId, request.getReason(), version);
    return RemoveParticipantResponse.newBuilder().setCase(CaseMapping.toProto(c)).build();
  }

  HandOffLeadResponse handOffLead(HandOffLeadRequest request) {
    String caseId = id("case_id", request.getCaseId());
    long version = CaseMapping.version("etag", request.getEtag());
    JointCase c =
        cases.handOffLead(
            caller(),
            caseId,
            request.getNewLeadAgencyId(),
            CaseMapping.role(request.getPreviousLeadRole()),
            request.getReason(),
            version);
    return HandOffLeadResponse.newBuilder().setCase(CaseMapping.toProto(c)).build();
  }
}
