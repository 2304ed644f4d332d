package org.taskforce.cases.adapter.grpc;

import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import org.taskforce.api.cases.v1.CaseServiceGrpc;
import org.taskforce.platform.grpc.UnaryCalls;

/**
 * The CaseService contract, routed by resource: cases ({@link CaseRpcs}), participants ({@link
 * ParticipantRpcs}), subjects ({@link SubjectRpcs}), tasks ({@link TaskRpcs}), notes ({@link
 * NoteRpcs}), victims ({@link VictimRpcs}) and the timeline ({@link TimelineRpcs}). Nothing happens
 * here but the routing: each of those decodes the request, runs one use case and encodes its
 * result; authorisation and audit live in the use cases.
 */
public final class CaseGrpcService implements BindableService {
  private final CaseRpcs cases;
  private final ParticipantRpcs participants;
  private final SubjectRpcs subjects;
  private final TaskRpcs tasks;
  private final NoteRpcs notes;
  private final VictimRpcs victims;
  private final TimelineRpcs timeline;

  public CaseGrpcService(
      CaseRpcs cases,
      ParticipantRpcs participants,
      SubjectRpcs subjects,
      TaskRpcs tasks,
      NoteRpcs notes,
      VictimRpcs victims,
      TimelineRpcs timeline) {
    this.cases = cases;
    this.participants = participants;
    this.subjects = subjects;
    this.tasks = tasks;
    this.notes = notes;
    this.victims = victims;
    this.timeline = timeline;
  }

  @Override
  public ServerServiceDefinition bindService() {
    return UnaryCalls.service(CaseServiceGrpc.getServiceDescriptor())
        .route(CaseServiceGrpc.getCreateCaseMethod(), cases::create)
        .route(CaseServiceGrpc.getGetCaseMethod(), cases::get)
        .route(CaseServiceGrpc.getListCasesMethod(), cases::list)
        .route(CaseServiceGrpc.getUpdateCaseMethod(), cases::update)
        .route(CaseServiceGrpc.getChangeCaseStatusMethod(), cases::changeStatus)
        .route(CaseServiceGrpc.getReviewCaseMethod(), cases::review)
        .route(CaseServiceGrpc.getInviteParticipantMethod(), participants::invite)
        .route(CaseServiceGrpc.getRespondToInvitationMethod(), participants::respond)
        .route(CaseServiceGrpc.getRemoveParticipantMethod(), participants::remove)
        .route(CaseServiceGrpc.getHandOffLeadMethod(), participants::handOffLead)
        .route(CaseServiceGrpc.getListSubjectsMethod(), subjects::list)
        .route(CaseServiceGrpc.getAddSubjectMethod(), subjects::add)
        .route(CaseServiceGrpc.getRemoveSubjectMethod(), subjects::remove)
        .route(CaseServiceGrpc.getRecordSubjectDeconflictionMethod(), subjects::recordDeconfliction)
        .route(CaseServiceGrpc.getListTasksMethod(), tasks::list)
        .route(CaseServiceGrpc.getCreateTaskMethod(), tasks::create)
        .route(CaseServiceGrpc.getUpdateTaskMethod(), tasks::update)
        .route(CaseServiceGrpc.getListNotesMethod(), notes::list)
        .route(CaseServiceGrpc.getAddNoteMethod(), notes::add)
        .route(CaseServiceGrpc.getListVictimsMethod(), victims::list)
        .route(CaseServiceGrpc.getAddVictimMethod(), victims::add)
        .route(CaseServiceGrpc.getUpdateVictimMethod(), victims::update)
        .route(CaseServiceGrpc.getGetVictimSummaryMethod(), victims::summary)
        .route(CaseServiceGrpc.getListCaseEventsMethod(), timeline::list)
        .build();
  }
}
