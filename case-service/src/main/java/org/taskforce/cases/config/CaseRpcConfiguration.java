package org.taskforce.cases.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.taskforce.cases.adapter.grpc.CaseGrpcService;
import org.taskforce.cases.adapter.grpc.CaseRpcs;
import org.taskforce.cases.adapter.grpc.NoteRpcs;
import org.taskforce.cases.adapter.grpc.ParticipantRpcs;
import org.taskforce.cases.adapter.grpc.SubjectRpcs;
import org.taskforce.cases.adapter.grpc.TaskRpcs;
import org.taskforce.cases.adapter.grpc.TimelineRpcs;
import org.taskforce.cases.adapter.grpc.VictimRpcs;
import org.taskforce.cases.adapter.mongo.MongoCaseStore;
import org.taskforce.cases.application.AnswerInvitation;
import org.taskforce.cases.application.CaseAudit;
import org.taskforce.cases.application.CaseNotices;
import org.taskforce.cases.application.CaseSettings;
import org.taskforce.cases.application.CaseWrites;
import org.taskforce.cases.application.ChangeCaseStatus;
import org.taskforce.cases.application.EditCase;
import org.taskforce.cases.application.HandOffLead;
import org.taskforce.cases.application.InviteParticipant;
import org.taskforce.cases.application.Notes;
import org.taskforce.cases.application.OpenCase;
import org.taskforce.cases.application.ReadCases;
import org.taskforce.cases.application.RemoveParticipant;
import org.taskforce.cases.application.SubjectConflicts;
import org.taskforce.cases.application.Subjects;
import org.taskforce.cases.application.Tasks;
import org.taskforce.cases.application.Timeline;
import org.taskforce.cases.application.Victims;
import org.taskforce.platform.agency.AgencyDirectory;

/** The use cases on cases and participants, and the CaseService adapters over all use cases. */
@Configuration(proxyBeanMethods = false)
public class CaseRpcConfiguration {
  @Bean
  CaseWrites caseWrites(
      MongoCaseStore store,
      AgencyDirectory agencies,
      CaseNotices notices,
      CaseAudit audit,
      CaseSettings settings,
      Clock clock) {
    return new CaseWrites(store, agencies, notices, audit, settings, clock);
  }

  @Bean
  OpenCase openCase(CaseWrites writes) {
    return new OpenCase(writes);
  }

  @Bean
  ReadCases readCases(MongoCaseStore store, CaseAudit audit) {
    return new ReadCases(store, audit);
  }

  @Bean
  CaseGrpcService caseGrpcService(
      OpenCase openCase,
      ReadCases readCases,
      CaseWrites writes,
      Subjects subjects,
      Tasks tasks,
      Notes notes,
      Victims victims,
      Timeline timeline,
      SubjectConflicts subjectConflicts) {
    return new CaseGrpcService(
        new CaseRpcs(openCase, readCases, new EditCase(writes), new ChangeCaseStatus(writes)),
        new ParticipantRpcs(
            new InviteParticipant(writes),
            new AnswerInvitation(writes),
            new RemoveParticipant(writes),
            new HandOffLead(writes)),
        new SubjectRpcs(subjects, subjectConflicts),
        new TaskRpcs(tasks),
        new NoteRpcs(notes),
        new VictimRpcs(victims),
        new TimelineRpcs(timeline));
  }
}
