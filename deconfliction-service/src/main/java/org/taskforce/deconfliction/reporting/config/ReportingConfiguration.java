package org.taskforce.deconfliction.reporting.config;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.taskforce.deconfliction.application.DisclosurePolicy;
import org.taskforce.deconfliction.reporting.adapter.grpc.DeconflictionReportingGrpcService;
import org.taskforce.deconfliction.reporting.adapter.mongo.MongoReportStore;
import org.taskforce.deconfliction.reporting.application.DeconflictionReports;
import org.taskforce.platform.audit.AuditTrail;

/** Wiring of deconfliction-service's report. */
@Configuration(proxyBeanMethods = false)
public class ReportingConfiguration {
  @Bean
  DeconflictionReports deconflictionReports(
      MongoDatabase database,
      DisclosurePolicy policy,
      ReportingProperties p,
      AuditTrail audit,
      Clock clock) {
    return new DeconflictionReports(
        new MongoReportStore(database), policy, p.leadAgency(), audit, clock);
  }

  @Bean
  DeconflictionReportingGrpcService deconflictionReportingGrpcService(
      DeconflictionReports reports, ReportingProperties p) {
    return new DeconflictionReportingGrpcService(reports, p.zone());
  }
}
