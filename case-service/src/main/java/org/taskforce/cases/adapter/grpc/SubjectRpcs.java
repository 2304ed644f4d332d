package org.taskforce.cases.adapter.grpc;

import static org.taskforce.cases.adapter.grpc.RequestFields.pageToken;
import static org.taskforce.cases.adapter.grpc.RequestFields.requestId;
import static org.taskforce.platform.grpc.RpcFields.caller;
import static org.taskforce.platform.grpc.RpcFields.requireId;

import org.taskforce.api.cases.v1.AddSubjectRequest;
import org.taskforce.api.cases.v1.AddSubjectResponse;
import org.taskforce.api.cases.v1.ListSubjectsRequest;
import org.taskforce.api.cases.v1.ListSubjectsResponse;
import org.taskforce.api.cases.v1.RecordSubjectDeconflictionRequest;
import org.taskforce.api.cases.v1.RecordSubjectDeconflictionResponse;
import org.taskforce.api.cases.v1.RemoveSubjectRequest;
import org.taskforce.api.cases.v1.RemoveSubjectResponse;
import org.taskforce.api.cases.v1.Subject;
import org.taskforce.cases.application.SubjectConflicts;
import org.taskforce.cases.application.Subjects;
import org.taskforce.cases.domain.DeconflictionState;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.grpc.ProtoEnums;

/**
 * A case's subjects: ListSubjects, AddSubject, RemoveSubject, and deconfliction-service's
 * RecordSubjectDeconfliction (its announcement of a subject registration's state).
 */
public final class SubjectRpcs {
  private final Subjects subjects;
  private final SubjectConflicts subjectConflicts;

  public SubjectRpcs(Subjects subjects, SubjectConflicts subjectConflicts) {
    this.subjects = subjects;
    this.subjectConflicts = subjectConflicts;
  }

  ListSubjectsResponse list(ListSubjectsRequest request) {
    var page =
        subjects.list(
            caller(),
            requireId("case_id", request.getCaseId()),
            request.getPageSize(),
            pageToken(request.getPageToken()));
    ListSubjectsResponse.Builder response =
        ListSubjectsResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.items().forEach(subject -> response.addSubjects(SubjectMapping.toProto(subject)));
    return response.build();
  }

  AddSubjectResponse add(AddSubjectRequest request) {
    String caseId = requireId("case_id", request.getCaseId());
    if (!request.hasSubject()) {
      throw TaskforceException.invalidArgument("subject", "is required");
    }
    Subject asked = request.getSubject();
    Subjects.Draft draft =
        new Subjects.Draft(
            SubjectMapping.kind(asked.getKind()),
            asked.getDisplayName(),
            SubjectMapping.selectors(asked.getSelectorsList()),
            SubjectMapping.disclosure(asked.getDisclosureLevel()),
            asked.hasPointOfContact() ? CaseMapping.contact(asked.getPointOfContact()) : null);
    return AddSubjectResponse.newBuilder()
        .setSubject(
            SubjectMapping.toProto(
                subjects.add(caller(), caseId, draft, requestId(request.getRequestId()))))
        .build();
  }

  RemoveSubjectResponse remove(RemoveSubjectRequest request) {
    return RemoveSubjectResponse.newBuilder()
        .setSubject(
            SubjectMapping.toProto(
                subjects.remove(
                    caller(),
                    requireId("case_id", request.getCaseId()),
                    requireId("subject_id", request.getSubjectId()),
                    request.getReason())))
        .build();
  }

  RecordSubjectDeconflictionResponse recordDeconfliction(
      RecordSubjectDeconflictionRequest request) {
    DeconflictionState state =
        ProtoEnums.isSet(request.getDeconflictionState())
            ? ProtoEnums.toDomain(request.getDeconflictionState(), DeconflictionState.class)
            : null;
    boolean applied =
        subjectConflicts.record(
            caller(),
            new SubjectConflicts.Announcement(
                request.getRegistrationId(),
                request.getAgencyId(),
                request.getRequestId(),
                state,
                request.getStateVersion(),
                request.getSummary()));
    return RecordSubjectDeconflictionResponse.newBuilder().setApplied(applied).build();
  }
}
