package org.taskforce.cases.intake.config;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.taskforce.cases.adapter.mongo.MongoCaseStore;
import org.taskforce.cases.application.OpenCase;
import org.taskforce.cases.application.Subjects;
import org.taskforce.cases.application.Victims;
import org.taskforce.cases.config.CaseProperties;
import org.taskforce.cases.intake.adapter.deconfliction.GrpcTipDeconfliction;
import org.taskforce.cases.intake.adapter.deconfliction.TipCheckRelay;
import org.taskforce.cases.intake.adapter.grpc.ReporterRpcs;
import org.taskforce.cases.intake.adapter.grpc.TipGrpcService;
import org.taskforce.cases.intake.adapter.grpc.TipRpcs;
import org.taskforce.cases.intake.adapter.grpc.TriageRpcs;
import org.taskforce.cases.intake.adapter.mongo.MongoReporterVault;
import org.taskforce.cases.intake.adapter.mongo.MongoTipStore;
import org.taskforce.cases.intake.application.ConversionSteps;
import org.taskforce.cases.intake.application.ConversionSweep;
import org.taskforce.cases.intake.application.Intake;
import org.taskforce.cases.intake.application.IntakeSettings;
import org.taskforce.cases.intake.application.ReporterReveal;
import org.taskforce.cases.intake.application.TipArrival;
import org.taskforce.cases.intake.application.TipAudit;
import org.taskforce.cases.intake.application.TipConversion;
import org.taskforce.cases.intake.application.TipDispatch;
import org.taskforce.cases.intake.application.TipMerge;
import org.taskforce.cases.intake.application.TipNotices;
import org.taskforce.cases.intake.application.TipQueries;
import org.taskforce.cases.intake.application.TipRecheck;
import org.taskforce.cases.intake.application.TipWrites;
import org.taskforce.cases.intake.application.Triage;
import org.taskforce.platform.agency.AgencyDirectory;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.crypto.FieldSealer;
import org.taskforce.platform.faults.WriteSeams;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.jobs.PeriodicJob;
import org.taskforce.platform.mongo.MongoProperties;
import org.taskforce.platform.outbox.Outbox;
import org.taskforce.platform.paging.PageTokens;

/** Wiring of the intake bounded context (tips and referrals) inside case-service. */
@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(IntakeConfiguration.class);

  @Bean
  MongoTipStore tipStore(MongoDatabase database, PageTokens pageTokens) {
    return new MongoTipStore(database, pageTokens);
  }

  @Bean
  MongoReporterVault reporterVault(
      MongoDatabase database, IntakeProperties p, MongoProperties mongo) {
    return new MongoReporterVault(
        database,
        FieldSealer.configured("taskforce.intake.reporter-key", p.reporterKey(), mongo.embedded()));
  }

  @Bean
  TipAudit tipAudit(AuditTrail trail) {
    return new TipAudit(trail);
  }

  @Bean
  TipNotices tipNotices(Outbox outbox, WriteSeams seams, MongoTipStore store, IntakeProperties p) {
    return new TipNotices(outbox, seams, store, p.urgentAcknowledgeWithin());
  }

  @Bean
  GrpcTipDeconfliction tipDeconfliction(
      GrpcChannelFactory channels, CaseProperties cases, AgencyDirectory agencies) {
    return new GrpcTipDeconfliction(
        channels.createChannel(cases.deconfliction().channel()),
        cases.deconfliction().timeout(),
        agencies);
  }

  @Bean
  TipCheckRelay tipCheckRelay(Outbox outbox, MongoTipStore store) {
    return new TipCheckRelay(outbox, store);
  }

  @Bean(destroyMethod = "shutdownNow")
  ExecutorService tipChecks(IntakeProperties p) {
    return Executors.newFixedThreadPool(
        Math.max(1, p.checkThreads()),
        r -> {
          Thread t = new Thread(r, "tip-check");
          t.setDaemon(true);
          return t;
        });
  }

  @Bean
  TipWrites tipWrites(MongoTipStore store, WriteSeams seams, Clock clock) {
    return new TipWrites(store, seams, clock);
  }

  @Bean
  TipRecheck tipRecheck(
      MongoTipStore store,
      GrpcTipDeconfliction deconfliction,
      TipCheckRelay relay,
      WriteSeams seams) {
    TipRecheck recheck = new TipRecheck(store, deconfliction, seams);
    relay.deliverTo(recheck);
    return recheck;
  }

  @Bean
  Intake intake(
      MongoTipStore store,
      MongoReporterVault vault,
      GrpcTipDeconfliction deconfliction,
      TipCheckRelay relay,
      TipNotices notices,
      TipAudit audit,
      AgencyDirectory agencies,
      IntakeProperties p,
      ExecutorService tipChecks,
      WriteSeams seams,
      Clock clock) {
    return new Intake(
        new TipArrival(store, vault, deconfliction, relay, notices, audit, tipChecks, seams, clock),
        agencies,
        new IntakeSettings(p.intakeAgencyId(), p.urgentAcknowledgeWithin()),
        clock);
  }

  @Bean
  Triage triage(TipWrites writes, MongoCaseStore cases, TipAudit audit) {
    return new Triage(writes, cases, audit);
  }

  @Bean
  TipDispatch tipDispatch(
      TipWrites writes, AgencyDirectory agencies, TipNotices notices, TipAudit audit) {
    return new TipDispatch(writes, agencies, notices, audit);
  }

  @Bean
  TipMerge tipMerge(TipWrites writes, TipAudit audit) {
    return new TipMerge(writes, audit);
  }

  @Bean
  ConversionSteps conversionSteps(
      TipWrites writes,
      OpenCase openCase,
      MongoCaseStore caseStore,
      Subjects subjects,
      Victims victims,
      GrpcTipDeconfliction deconfliction) {
    return new ConversionSteps(writes, openCase, caseStore, subjects, victims, deconfliction);
  }

  @Bean
  TipConversion tipConversion(TipWrites writes, ConversionSteps steps, TipAudit audit) {
    return new TipConversion(writes, steps, audit);
  }

  /**
   * Finishes conversions a crash left CONVERTING, in the converter's name: calls to deconfliction
   * carry case-service's token naming them (the platform's delegation).
   */
  @Bean
  ConversionSweep conversionSweep(
      TipWrites writes, ConversionSteps steps, TipAudit audit, IntakeProperties p) {
    return new ConversionSweep(
        writes,
        steps,
        audit,
        (user, requestId, work) -> CallerContext.onBehalfOf(user, requestId).run(work),
        p.conversionSweep().settleAfter());
  }

  /** Runs {@link ConversionSweep} every {@code taskforce.intake.conversion-sweep.interval}. */
  @Bean
  PeriodicJob conversionSweepSchedule(ConversionSweep sweep, IntakeProperties p) {
    return new PeriodicJob(
        "tip-conversion-sweep",
        true,
        p.conversionSweep().interval(),
        () -> {
          int finished = sweep.sweepOnce();
          if (finished > 0) {
            log.info("conversion sweep finished {} conversions", finished);
          }
        });
  }

  @Bean
  TipQueries tipQueries(MongoTipStore store, TipAudit audit, MongoCaseStore cases) {
    return new TipQueries(store, audit, cases);
  }

  @Bean
  ReporterReveal reporterReveal(MongoTipStore store, MongoReporterVault vault, TipAudit audit) {
    return new ReporterReveal(store, vault, audit);
  }

  @Bean
  TipGrpcService tipGrpcService(
      Intake intake,
      Triage triage,
      TipDispatch dispatch,
      TipMerge merge,
      TipConversion conversion,
      TipQueries queries,
      ReporterReveal reveal,
      Clock clock) {
    return new TipGrpcService(
        new TipRpcs(intake, queries, clock),
        new TriageRpcs(dispatch, triage, merge, conversion, queries),
        new ReporterRpcs(reveal));
  }
}
