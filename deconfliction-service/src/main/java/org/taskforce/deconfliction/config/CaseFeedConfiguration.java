package org.taskforce.deconfliction.config;

import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;
import org.taskforce.deconfliction.adapter.cases.CaseSubjectRelay;
import org.taskforce.deconfliction.adapter.cases.OutboxSubjectFeed;
import org.taskforce.deconfliction.adapter.mongo.MongoConflictStore;
import org.taskforce.deconfliction.adapter.mongo.MongoReviewStore;
import org.taskforce.deconfliction.adapter.mongo.MongoSubjectVersionFloors;
import org.taskforce.deconfliction.adapter.mongo.MongoTargetStore;
import org.taskforce.deconfliction.application.DisclosurePolicy;
import org.taskforce.deconfliction.application.SubjectFeed;
import org.taskforce.deconfliction.application.SubjectStates;
import org.taskforce.deconfliction.application.SubjectVersionFloors;
import org.taskforce.platform.outbox.Outbox;
import org.taskforce.platform.outbox.OutboxHandler;

/**
 * The subject feed to case-service ({@code taskforce.deconfliction.case-feed.*}): entries in the
 * outbox beside the conflicts they follow, delivered by {@link CaseSubjectRelay}. Off: nothing is
 * recorded.
 */
@Configuration(proxyBeanMethods = false)
public class CaseFeedConfiguration {

  @Bean
  SubjectFeed subjectFeed(DeconflictionProperties p, Outbox outbox) {
    return p.caseFeed().enabled() ? new OutboxSubjectFeed(outbox) : SubjectFeed.NONE;
  }

  /** Kept whether the feed is on or off, so a version announced later still grows. */
  @Bean
  SubjectVersionFloors subjectVersionFloors(MongoDatabase database) {
    return new MongoSubjectVersionFloors(database);
  }

  @Bean
  SubjectStates subjectStates(
      MongoTargetStore targets,
      MongoConflictStore conflicts,
      MongoReviewStore reviews,
      DisclosurePolicy policy,
      SubjectVersionFloors floors) {
    return new SubjectStates(targets, conflicts, reviews, policy, floors);
  }

  /** The relay's handler; without it (feed off) the topic has no entries to deliver. */
  @Bean
  OutboxHandler caseSubjectRelay(
      DeconflictionProperties p, SubjectStates states, GrpcChannelFactory channels) {
    if (!p.caseFeed().enabled()) {
      return new OutboxHandler() {
        @Override
        public String topic() {
          return OutboxSubjectFeed.TOPIC;
        }

        @Override
        public void deliver(org.taskforce.platform.outbox.OutboxMessage message) {
          // Entries left from when the feed was on: nobody to tell now.
        }
      };
    }
    return new CaseSubjectRelay(
        states, channels.createChannel(p.caseFeed().channel()), p.caseFeed().timeout());
  }
}
