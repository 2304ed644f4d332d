package org.taskforce.deconfliction.reporting.config;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.taskforce.deconfliction.application.DisclosurePolicy;
import org.taskforce.deconfliction.reporting.adapter.grpc.DeconflictionReportingGrpcService;
import org.taskforce.deconfliction.reporting.adapter.mongo.MongoReportStore;
import org.taskforce.deconfliction.reporting.adapter.mongo.ReportCountings;
import org.taskforce.deconfliction.reporting.application.DeconflictionMeasures;
import org.taskforce.deconfliction.reporting.application.DeconflictionReports;
import org.taskforce.platform.audit.AuditTallies;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.mongo.ParkedIntents;
import org.taskforce.platform.mongo.RecordTallies;
import org.taskforce.platform.mongo.TallyUpkeep;
import org.taskforce.platform.paging.PageTokens;

/** Wiring of deconfliction-service's report. */
@Configuration(proxyBeanMethods = false)
public class ReportingConfiguration {
  /** Day counts of the checks, kept by the audit trail as it appends them. */
  @Bean
  AuditTallies auditTallies(
      MongoDatabase database, AuditTrail audit, ReportingProperties p, Clock clock) {
    AuditTallies tallies =
        new AuditTallies(
            database, Set.copyOf(DeconflictionMeasures.CHECK_ACTIONS), p.zone(), clock);
    audit.tallied(tallies);
    return tallies;
  }

  /** The check counts settled and rebuilt in the background, never inside a report request. */
  @Bean
  TallyUpkeep auditTallyUpkeep(AuditTallies auditTallies, ReportingProperties p) {
    return new TallyUpkeep("checks", p.tallyInterval(), auditTallies::upkeep);
  }

  /** Day counts of conflicts and operations, kept from the intents their stores write. */
  @Bean
  RecordTallies recordTallies(MongoDatabase database, ReportingProperties p, Clock clock) {
    return new RecordTallies(
        database,
        ReportCountings.all(p.zone()),
        ReportCountings.schema(p.zone()),
        clock,
        RecordTallies.PER_REQUEST,
        new ParkedIntents(database));
  }

  /** Conflict and operation counts settled and rebuilt in the background. */
  @Bean
  TallyUpkeep recordTallyUpkeep(RecordTallies recordTallies, ReportingProperties p) {
    return new TallyUpkeep("conflicts-operations", p.tallyInterval(), recordTallies::upkeep);
  }

  @Bean
  DeconflictionReports deconflictionReports(
      MongoDatabase database,
      AuditTallies auditTallies,
      RecordTallies recordTallies,
      DisclosurePolicy policy,
      ReportingProperties p,
      AuditTrail audit,
      Clock clock,
      PageTokens pageTokens) {
    return new DeconflictionReports(
        new MongoReportStore(database, auditTallies, recordTallies),
        policy,
        p.leadAgency(),
        audit,
        clock,
        pageTokens);
  }

  @Bean
  DeconflictionReportingGrpcService deconflictionReportingGrpcService(
      DeconflictionReports reports, ReportingProperties p) {
    return new DeconflictionReportingGrpcService(reports, p.zone());
  }
}
