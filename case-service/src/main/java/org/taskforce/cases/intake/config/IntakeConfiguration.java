package org.taskforce.cases.intake.config;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.taskforce.cases.adapter.mongo.MongoCaseStore;
import org.taskforce.cases.application.AgencyDirectory;
import org.taskforce.cases.application.Cases;
import org.taskforce.cases.application.Seams;
import org.taskforce.cases.application.Subjects;
import org.taskforce.cases.application.Victims;
import org.taskforce.cases.config.CaseProperties;
import org.taskforce.cases.intake.adapter.deconfliction.GrpcTipDeconfliction;
import org.taskforce.cases.intake.adapter.deconfliction.TipCheckRelay;
import org.taskforce.cases.intake.adapter.grpc.TipGrpcService;
import org.taskforce.cases.intake.adapter.mongo.MongoReporterVault;
import org.taskforce.cases.intake.adapter.mongo.MongoTipStore;
import org.taskforce.cases.intake.application.Intake;
import org.taskforce.cases.intake.application.IntakeSettings;
import org.taskforce.cases.intake.application.ReporterReveal;
import org.taskforce.cases.intake.application.TipAudit;
import org.taskforce.cases.intake.application.TipConversion;
import org.taskforce.cases.intake.application.TipNotices;
import org.taskforce.cases.intake.application.TipQueries;
import org.taskforce.cases.intake.application.Triage;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.crypto.FieldSealer;
import org.taskforce.platform.mongo.MongoProperties;
import org.taskforce.platform.outbox.Outbox;
import org.taskforce.platform.paging.PageTokens;

/** Wiring of the intake bounded context (tips and referrals) inside case-service. */
@Configuration(proxyBeanMethods = false)
public class IntakeConfiguration {

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
  TipNotices tipNotices(Outbox outbox, Seams seams, MongoTipStore store, IntakeProperties p) {
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
      Seams seams,
      Clock clock) {
    Intake intake =
        new Intake(
            store,
            vault,
            deconfliction,
            relay,
            notices,
            audit,
            agencies,
            new IntakeSettings(p.intakeAgencyId(), p.urgentAcknowledgeWithin()),
            tipChecks,
            seams,
            clock);
    relay.deliverTo(intake);
    return intake;
  }

  @Bean
  Triage triage(
      MongoTipStore store,
      MongoCaseStore cases,
      AgencyDirectory agencies,
      TipNotices notices,
      TipAudit audit,
      Seams seams,
      Clock clock) {
    return new Triage(store, cases, agencies, notices, audit, seams, clock);
  }

  @Bean
  TipConversion tipConversion(
      Triage triage,
      Cases cases,
      Subjects subjects,
      Victims victims,
      GrpcTipDeconfliction deconfliction,
      TipAudit audit) {
    return new TipConversion(triage, cases, subjects, victims, deconfliction, audit);
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
      TipConversion conversion,
      TipQueries queries,
      ReporterReveal reveal,
      Clock clock) {
    return new TipGrpcService(intake, triage, conversion, queries, reveal, clock);
  }
}
