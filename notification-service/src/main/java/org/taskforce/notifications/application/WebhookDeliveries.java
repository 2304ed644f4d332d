package org.taskforce.notifications.application;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.taskforce.notifications.application.port.WebhookStore;
import org.taskforce.notifications.domain.Delivery;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.security.AgencyPrincipal;

/** A subscription's delivery history, and redelivery from its dead-letter list. */
public final class WebhookDeliveries {
  /** Which dead letter to send again; checked when made. */
  public record RedeliverCommand(String subscriptionId, String deliveryId) {
    public RedeliverCommand {
      RequiredId.check("subscription_id", subscriptionId);
      RequiredId.check("delivery_id", deliveryId);
    }
  }

  private final WebhookStore store;
  private final WebhookSubscriptions subscriptions;
  private final Clock clock;

  public WebhookDeliveries(WebhookStore store, WebhookSubscriptions subscriptions, Clock clock) {
    this.store = store;
    this.subscriptions = subscriptions;
    this.clock = clock;
  }

  /** A subscription's deliveries before position {@code before}, newest first. */
  public List<Delivery> list(
      AgencyPrincipal caller,
      String subscriptionId,
      Set<Delivery.Status> statuses,
      long before,
      int limit) {
    subscriptions.get(caller, subscriptionId);
    return store.deliveries(subscriptionId, statuses, before, limit);
  }

  /** Sends a dead-lettered delivery again, with the same idempotency key. */
  public Delivery redeliver(AgencyPrincipal caller, RedeliverCommand command) {
    subscriptions.get(caller, command.subscriptionId());
    String deliveryId = command.deliveryId();
    Delivery dead =
        store
            .findDelivery(deliveryId)
            .filter(delivery -> delivery.webhookId().equals(command.subscriptionId()))
            .orElseThrow(() -> TaskforceException.notFound("delivery", deliveryId));
    if (dead.status() != Delivery.Status.DEAD_LETTER) {
      throw TaskforceException.failedPrecondition(
          "NOT_DEAD_LETTERED",
          "only dead-lettered deliveries are redelivered; this one is " + dead.status());
    }
    Delivery again = dead.requeued(clock.instant());
    if (!store.replaceDelivery(again, dead.version())) {
      throw TaskforceException.staleEtag("delivery", deliveryId);
    }
    return again;
  }
}
