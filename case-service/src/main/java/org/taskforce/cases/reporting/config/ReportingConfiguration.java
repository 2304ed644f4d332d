package org.taskforce.cases.reporting.config;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.taskforce.cases.adapter.mongo.MongoCaseStore;
import org.taskforce.cases.adapter.mongo.MongoSubjectStore;
import org.taskforce.cases.application.CaseAudit;
import org.taskforce.cases.application.CaseSettings;
import org.taskforce.cases.application.PersonKeys;
import org.taskforce.cases.reporting.adapter.grpc.CaseReportingGrpcService;
import org.taskforce.cases.reporting.adapter.mongo.CaseTallies;
import org.taskforce.cases.reporting.adapter.mongo.MongoOutcomeStore;
import org.taskforce.cases.reporting.adapter.mongo.MongoReportStore;
import org.taskforce.cases.reporting.adapter.mongo.MongoTrainingStore;
import org.taskforce.cases.reporting.application.Outcomes;
import org.taskforce.cases.reporting.application.ReportingService;
import org.taskforce.cases.reporting.application.ReportingSettings;
import org.taskforce.cases.reporting.application.Trainings;
import org.taskforce.platform.agency.AgencyDirectory;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.mongo.TallyUpkeep;

/** Wiring of the reporting context: report, outcomes, training, victims' person keys. */
@Configuration(proxyBeanMethods = false)
public class ReportingConfiguration {

  @Bean
  PersonKeys personKeys(ReportingProperties p) {
    return new PersonKeys(p.personKeySecret());
  }

  @Bean
  ReportingSettings reportingSettings(ReportingProperties p, CaseSettings cases) {
    return new ReportingSettings(p.leadAgency(), p.suppressionThreshold(), cases.zone());
  }

  @Bean
  MongoOutcomeStore outcomeStore(MongoDatabase database, CaseSettings cases) {
    return new MongoOutcomeStore(database, cases.zone());
  }

  @Bean
  MongoTrainingStore trainingStore(MongoDatabase database, CaseSettings cases) {
    return new MongoTrainingStore(database, cases.zone());
  }

  @Bean
  CaseTallies caseTallies(MongoDatabase database, CaseSettings cases) {
    return new CaseTallies(database, cases.zone());
  }

  /** The case tallies brought up to date in the background (the backfill after an upgrade too). */
  @Bean
  TallyUpkeep caseTallyUpkeep(CaseTallies caseTallies, ReportingProperties p) {
    return new TallyUpkeep("cases", p.tallyInterval(), caseTallies::upkeep);
  }

  @Bean
  ReportingService reportingService(
      MongoDatabase database,
      CaseTallies caseTallies,
      ReportingSettings settings,
      AgencyDirectory agencies,
      AuditTrail audit,
      Clock clock) {
    return new ReportingService(
        new MongoReportStore(database, caseTallies), settings, agencies::displayName, audit, clock);
  }

  @Bean
  Outcomes outcomes(
      MongoCaseStore cases,
      MongoSubjectStore subjects,
      MongoOutcomeStore store,
      CaseAudit audit,
      CaseSettings settings,
      Clock clock) {
    return new Outcomes(cases, subjects, store, audit, settings.zone(), clock);
  }

  @Bean
  Trainings trainings(
      MongoTrainingStore store, AuditTrail audit, CaseSettings settings, Clock clock) {
    return new Trainings(store, audit, settings.zone(), clock);
  }

  @Bean
  CaseReportingGrpcService caseReportingGrpcService(
      ReportingService reports,
      Outcomes outcomes,
      Trainings trainings,
      CaseSettings settings,
      ReportingSettings reporting) {
    return new CaseReportingGrpcService(
        reports, outcomes, trainings, settings.zone(), reporting.threshold());
  }
}
