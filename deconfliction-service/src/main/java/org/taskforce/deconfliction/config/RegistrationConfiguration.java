package org.taskforce.deconfliction.config;

import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.taskforce.deconfliction.adapter.mongo.MongoEventStore;
import org.taskforce.deconfliction.adapter.mongo.MongoTargetStore;
import org.taskforce.deconfliction.application.EventRegistrationChanges;
import org.taskforce.deconfliction.application.EventRegistrations;
import org.taskforce.deconfliction.application.FindingRecorder;
import org.taskforce.deconfliction.application.JointRegistrations;
import org.taskforce.deconfliction.application.Matcher;
import org.taskforce.deconfliction.application.RegistrationServices;
import org.taskforce.deconfliction.application.RegistrationWriting;
import org.taskforce.deconfliction.application.TargetRegistrationChanges;
import org.taskforce.deconfliction.application.TargetRegistrations;

/**
 * Wiring of registering targets and operations: the matcher, the registration use cases, their
 * changes, and what they record (conflicts, review items, the match index). What is built from
 * other beans alone is imported by class and built by its one constructor, as the stores are.
 */
@Configuration(proxyBeanMethods = false)
@Import({
  Matcher.class,
  FindingRecorder.class,
  RegistrationWriting.class,
  RegistrationServices.class,
  TargetRegistrationChanges.class,
  EventRegistrationChanges.class,
  JointRegistrations.class
})
public class RegistrationConfiguration {
  @Bean
  TargetRegistrations targetRegistrations(
      MongoTargetStore store, Function<String, String> agencyNames, RegistrationServices services) {
    return new TargetRegistrations(store, agencyNames, services);
  }

  @Bean
  EventRegistrations eventRegistrations(
      MongoEventStore store,
      MongoTargetStore targets,
      Function<String, String> agencyNames,
      RegistrationServices services) {
    return new EventRegistrations(store, targets, agencyNames, services);
  }
}
