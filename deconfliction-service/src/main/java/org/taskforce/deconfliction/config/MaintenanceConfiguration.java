package org.taskforce.deconfliction.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.taskforce.deconfliction.adapter.mongo.MongoConflictStore;
import org.taskforce.deconfliction.adapter.mongo.MongoEventStore;
import org.taskforce.deconfliction.adapter.mongo.MongoMatchIndex;
import org.taskforce.deconfliction.adapter.mongo.MongoPendingRegistrations;
import org.taskforce.deconfliction.adapter.mongo.MongoTargetStore;
import org.taskforce.deconfliction.application.AlertComposer;
import org.taskforce.deconfliction.application.ConflictEscalation;
import org.taskforce.deconfliction.application.DisclosurePolicy;
import org.taskforce.deconfliction.application.EventRegistrations;
import org.taskforce.deconfliction.application.JointRegistrations;
import org.taskforce.deconfliction.application.Matcher;
import org.taskforce.deconfliction.application.RegistrationRepair;
import org.taskforce.deconfliction.application.Retention;
import org.taskforce.deconfliction.application.TargetRegistrations;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.jobs.PeriodicJob;

/**
 * What runs on a schedule: the repair sweep (registrations whose writes stopped half way), the
 * escalation of unacknowledged conflicts, and retention (expiry and purges under 28 CFR Part 23).
 */
@Configuration(proxyBeanMethods = false)
@Import(Retention.class)
public class MaintenanceConfiguration {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(MaintenanceConfiguration.class);

  @Bean
  RegistrationRepair registrationRepair(
      MongoPendingRegistrations pending,
      MongoTargetStore targets,
      MongoEventStore events,
      TargetRegistrations targetRegistrations,
      EventRegistrations eventRegistrations,
      MongoMatchIndex index,
      Matcher matcher,
      DeconflictionProperties p,
      Clock clock,
      JointRegistrations joint) {
    return new RegistrationRepair(
        pending,
        targets,
        events,
        targetRegistrations,
        eventRegistrations,
        index,
        matcher,
        p.repair().grace(),
        clock,
        joint);
  }

  @Bean
  ConflictEscalation conflictEscalation(
      MongoConflictStore conflicts,
      AlertComposer alerts,
      DisclosurePolicy policy,
      AuditTrail audit,
      DeconflictionProperties p,
      Clock clock) {
    return new ConflictEscalation(conflicts, alerts, policy, audit, p.escalateBefore(), clock);
  }

  /**
   * Every minute: settles registrations whose writes stopped half way (a crash between storing,
   * indexing and matching) and escalates conflicts unacknowledged near their deadline.
   */
  @Bean
  PeriodicJob repairSweep(
      RegistrationRepair repair, ConflictEscalation escalation, DeconflictionProperties p) {
    return new PeriodicJob(
        "repair-sweep",
        p.repair().enabled(),
        p.repair().interval(),
        () -> {
          int settled = repair.sweep();
          if (settled > 0) {
            log.warn("repair sweep: settled {} registrations left half-done", settled);
          }
          int escalated = escalation.run();
          if (escalated > 0) {
            log.info("escalated {} unacknowledged conflicts to the watch officers", escalated);
          }
        });
  }

  @Bean
  @ConditionalOnBooleanProperty("taskforce.deconfliction.rebuild-match-index")
  MatchIndexRebuild matchIndexRebuild(RegistrationRepair repair) {
    return new MatchIndexRebuild(repair);
  }

  @Bean
  PeriodicJob retentionJob(Retention retention, DeconflictionProperties p) {
    return new PeriodicJob(
        "retention",
        p.retention().enabled(),
        p.retention().interval(),
        () -> {
          Retention.Report report = retention.run();
          if (report.expired() + report.purgedTargets() + report.purgedEvents() > 0) {
            log.info(
                "retention: {} registrations expired, {} targets, {} events, {} conflicts and {}"
                    + " review items purged",
                report.expired(),
                report.purgedTargets(),
                report.purgedEvents(),
                report.purgedConflicts(),
                report.purgedReviews());
          }
        });
  }
}
