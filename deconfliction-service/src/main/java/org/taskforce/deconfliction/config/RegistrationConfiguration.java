package org.taskforce.deconfliction.config;

import java.time.Clock;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.taskforce.deconfliction.adapter.mongo.MongoConflictStore;
import org.taskforce.deconfliction.adapter.mongo.MongoEventStore;
import org.taskforce.deconfliction.adapter.mongo.MongoMatchIndex;
import org.taskforce.deconfliction.adapter.mongo.MongoPendingRegistrations;
import org.taskforce.deconfliction.adapter.mongo.MongoReviewStore;
import org.taskforce.deconfliction.adapter.mongo.MongoTargetStore;
import org.taskforce.deconfliction.application.AlertComposer;
import org.taskforce.deconfliction.application.ConflictSides;
import org.taskforce.deconfliction.application.DeconflictionSettings;
import org.taskforce.deconfliction.application.DisclosurePolicy;
import org.taskforce.deconfliction.application.EventRegistrationChanges;
import org.taskforce.deconfliction.application.EventRegistrations;
import org.taskforce.deconfliction.application.FindingRecorder;
import org.taskforce.deconfliction.application.JointRegistrations;
import org.taskforce.deconfliction.application.Matcher;
import org.taskforce.deconfliction.application.RegistrationWriting;
import org.taskforce.deconfliction.application.SubjectFeed;
import org.taskforce.deconfliction.application.TargetRegistrationChanges;
import org.taskforce.deconfliction.application.TargetRegistrations;
import org.taskforce.platform.audit.AuditTrail;
import org.taskforce.platform.faults.WriteSeams;
import org.taskforce.platform.paging.PageTokens;

/**
 * Wiring of registering targets and operations: the matcher, the registration use cases, their
 * changes, and what they record (conflicts, review items, the match index).
 */
@Configuration(proxyBeanMethods = false)
public class RegistrationConfiguration {
  @Bean
  Matcher matcher(
      MongoTargetStore targets,
      MongoEventStore events,
      MongoMatchIndex index,
      DeconflictionSettings settings,
      Clock clock) {
    return new Matcher(targets, events, index, settings, clock);
  }

  @Bean
  FindingRecorder findingRecorder(
      MongoConflictStore conflicts,
      MongoReviewStore reviews,
      AlertComposer alerts,
      DeconflictionSettings settings,
      Clock clock,
      SubjectFeed feed) {
    return new FindingRecorder(conflicts, reviews, alerts, settings, clock, feed);
  }

  @Bean
  RegistrationWriting registrationWriting(
      MongoMatchIndex index,
      MongoPendingRegistrations pending,
      WriteSeams seams,
      ConflictSides sides,
      Clock clock) {
    return new RegistrationWriting(index, pending, seams, sides, clock);
  }

  @Bean
  TargetRegistrations targetRegistrations(
      MongoTargetStore store,
      Matcher matcher,
      FindingRecorder recorder,
      DeconflictionSettings settings,
      Function<String, String> agencyNames,
      AuditTrail audit,
      Clock clock,
      DisclosurePolicy policy,
      PageTokens pageTokens,
      RegistrationWriting writing) {
    return new TargetRegistrations(
        store, matcher, recorder, settings, agencyNames, audit, clock, policy, pageTokens, writing);
  }

  @Bean
  TargetRegistrationChanges targetRegistrationChanges(
      TargetRegistrations registrations, AuditTrail audit, Clock clock) {
    return new TargetRegistrationChanges(registrations, audit, clock);
  }

  @Bean
  EventRegistrations eventRegistrations(
      MongoEventStore store,
      MongoTargetStore targets,
      Matcher matcher,
      FindingRecorder recorder,
      DeconflictionSettings settings,
      Function<String, String> agencyNames,
      AuditTrail audit,
      Clock clock,
      DisclosurePolicy policy,
      PageTokens pageTokens,
      RegistrationWriting writing) {
    return new EventRegistrations(
        store,
        targets,
        matcher,
        recorder,
        settings,
        agencyNames,
        audit,
        clock,
        policy,
        pageTokens,
        writing);
  }

  @Bean
  EventRegistrationChanges eventRegistrationChanges(
      EventRegistrations registrations, AuditTrail audit, Clock clock) {
    return new EventRegistrationChanges(registrations, audit, clock);
  }

  @Bean
  JointRegistrations jointRegistrations(
      TargetRegistrations targets,
      EventRegistrations events,
      MongoPendingRegistrations pending,
      WriteSeams seams) {
    return new JointRegistrations(targets, events, pending, seams);
  }
}
