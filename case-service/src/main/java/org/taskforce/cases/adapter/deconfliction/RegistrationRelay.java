package org.taskforce.cases.adapter.deconfliction;

import org.taskforce.cases.adapter.mongo.OutboxRegistrationQueue;
import org.taskforce.cases.application.RegistrationChange;
import org.taskforce.cases.application.SubjectRegistrations;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.outbox.OutboxHandler;
import org.taskforce.platform.outbox.OutboxMessage;

/**
 * Delivers queued subject registrations and withdrawals from the outbox, on behalf of the user who
 * made the change: the call carries case-service's own token and names that user, so deconfliction
 * records the registration for the user's agency however long the outage lasted.
 */
public final class RegistrationRelay implements OutboxHandler {
  private final SubjectRegistrations registrations;

  public RegistrationRelay(SubjectRegistrations registrations) {
    this.registrations = registrations;
  }

  @Override
  public String topic() {
    return SubjectRegistrations.TOPIC;
  }

  @Override
  public void deliver(OutboxMessage message) throws Exception {
    RegistrationChange change = OutboxRegistrationQueue.fromDocument(message.payload());
    CallerContext.onBehalfOf(change.actor(), message.id())
        .call(() -> {
          registrations.deliver(change);
          return null;
        });
  }

  @Override
  public boolean applied(OutboxMessage message) {
    return registrations.applied(OutboxRegistrationQueue.fromDocument(message.payload()));
  }
}
