package org.taskforce.cases.config;

import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.taskforce.cases.adapter.deconfliction.GrpcTargetRegistry;
import org.taskforce.cases.adapter.deconfliction.RegistrationRelay;
import org.taskforce.cases.adapter.mongo.MongoCaseStore;
import org.taskforce.cases.adapter.mongo.MongoNoteStore;
import org.taskforce.cases.adapter.mongo.MongoSubjectStore;
import org.taskforce.cases.adapter.mongo.MongoTaskStore;
import org.taskforce.cases.adapter.mongo.MongoVictimStore;
import org.taskforce.cases.adapter.mongo.OutboxRegistrationQueue;
import org.taskforce.cases.adapter.notification.CaseNoticeRelay;
import org.taskforce.cases.application.CaseAudit;
import org.taskforce.cases.application.CaseNotices;
import org.taskforce.cases.application.CaseSettings;
import org.taskforce.cases.application.Notes;
import org.taskforce.cases.application.PersonKeys;
import org.taskforce.cases.application.PreparedNotices;
import org.taskforce.cases.application.SubjectConflicts;
import org.taskforce.cases.application.SubjectRegistrations;
import org.taskforce.cases.application.SubjectSweep;
import org.taskforce.cases.application.Subjects;
import org.taskforce.cases.application.Tasks;
import org.taskforce.cases.application.Timeline;
import org.taskforce.cases.application.Victims;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.faults.HaltAtSeam;
import org.taskforce.platform.faults.WriteSeams;
import org.taskforce.platform.jobs.PeriodicJob;
import org.taskforce.platform.notify.NoticeOutbox;
import org.taskforce.platform.notify.NoticePublisher;
import org.taskforce.platform.outbox.Outbox;

/**
 * Explicit wiring of case-service: stores, use cases, peers, the gRPC service. The stores are
 * registered by class ({@code @Import}): each is built from the database alone.
 */
@Configuration(proxyBeanMethods = false)
@Import({
  MongoCaseStore.class,
  MongoSubjectStore.class,
  MongoTaskStore.class,
  MongoNoteStore.class,
  MongoVictimStore.class
})
public class CaseConfiguration {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(CaseConfiguration.class);

  @Bean
  CaseSettings caseSettings(CaseProperties p) {
    return new CaseSettings(p.numberPrefix(), p.zone(), p.defaultReview(), p.maxReview());
  }

  @Bean
  CaseAudit caseAudit(AuditTrail trail) {
    return new CaseAudit(trail);
  }

  /**
   * Where multi-step writes may be stopped by tests; production passes every seam. The fault-test
   * hook {@link HaltAtSeam} (refused unless explicitly enabled) kills the process at a named seam.
   */
  @Bean
  WriteSeams seams(Environment environment) {
    return HaltAtSeam.seams(environment);
  }

  @Bean
  CaseNotices caseNotices(
      Outbox outbox,
      WriteSeams seams,
      MongoCaseStore cases,
      MongoTaskStore tasks,
      MongoSubjectStore subjects) {
    return new CaseNotices(new NoticeOutbox(outbox), seams, cases, tasks, subjects);
  }

  @Bean
  GrpcTargetRegistry targetRegistry(GrpcChannelFactory channels, CaseProperties p) {
    return new GrpcTargetRegistry(
        channels.createChannel(p.deconfliction().channel()),
        p.deconfliction().timeout(),
        p.deconfliction().circuitOpenFor());
  }

  @Bean
  SubjectRegistrations subjectRegistrations(
      MongoSubjectStore store, GrpcTargetRegistry registry, Outbox outbox, WriteSeams seams) {
    return new SubjectRegistrations(store, registry, new OutboxRegistrationQueue(outbox), seams);
  }

  @Bean
  SubjectSweep subjectSweep(
      MongoCaseStore cases,
      MongoSubjectStore store,
      SubjectRegistrations registrations,
      CaseProperties p,
      Clock clock) {
    return new SubjectSweep(
        cases, store, registrations, p.sweep().settleAfter(), p.sweep().renewBefore(), clock);
  }

  /** Runs {@link SubjectSweep} every {@code taskforce.cases.sweep.interval} (zero: never). */
  @Bean
  PeriodicJob subjectSweepSchedule(SubjectSweep sweep, CaseProperties p) {
    return new PeriodicJob(
        "subject-sweep",
        true,
        p.sweep().interval(),
        () -> {
          SubjectSweep.Result result = sweep.sweepOnce();
          if (result.registrations() + result.withdrawals() + result.renewals() + result.rejected()
              > 0) {
            log.info("subject sweep queued {}", result);
          }
        });
  }

  @Bean
  RegistrationRelay registrationRelay(SubjectRegistrations registrations) {
    return new RegistrationRelay(registrations);
  }

  /**
   * Case and tip notices reach notification-service; a prepared one only if its change was stored.
   */
  @Bean
  CaseNoticeRelay caseNoticeRelay(
      GrpcChannelFactory channels, CaseProperties p, List<PreparedNotices> notices) {
    return new CaseNoticeRelay(
        new NoticePublisher(
            channels.createChannel(p.notifications().channel()),
            p.notifications().timeout(),
            resource -> true),
        notices);
  }

  @Bean
  Subjects subjects(
      MongoCaseStore cases,
      MongoSubjectStore store,
      SubjectRegistrations registrations,
      CaseNotices notices,
      CaseAudit audit,
      Clock clock) {
    return new Subjects(cases, store, registrations, notices, audit, clock);
  }

  @Bean
  Tasks tasks(
      MongoCaseStore cases,
      MongoTaskStore store,
      CaseNotices notices,
      CaseAudit audit,
      CaseSettings settings,
      Clock clock) {
    return new Tasks(cases, store, notices, audit, settings.zone(), clock);
  }

  @Bean
  Notes notes(MongoCaseStore cases, MongoNoteStore store, CaseAudit audit, Clock clock) {
    return new Notes(cases, store, audit, clock);
  }

  @Bean
  Victims victims(
      MongoCaseStore cases,
      MongoVictimStore store,
      CaseAudit audit,
      CaseSettings settings,
      Clock clock,
      PersonKeys personKeys) {
    return new Victims(cases, store, audit, settings.zone(), clock, personKeys);
  }

  @Bean
  Timeline timeline(MongoCaseStore cases, AuditTrail trail, CaseAudit audit) {
    return new Timeline(cases, trail, audit);
  }

  @Bean
  SubjectConflicts subjectConflicts(MongoSubjectStore store, AuditTrail trail, Clock clock) {
    return new SubjectConflicts(store, trail, clock);
  }
}
