package org.taskforce.notifications.application;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.taskforce.notifications.domain.Delivery;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.notifications.domain.Webhook;

/**
 * Delivers queued webhook deliveries: in order per endpoint (only the head of an endpoint's queue
 * is ever attempted), signed (HMAC-SHA256 over {@code timestamp + "." + body}), retried with
 * exponential backoff and jitter on 5xx, 408, 429 and timeouts — never on other 4xx — up to a retry
 * budget, after which the delivery moves to the dead-letter list and the queue goes on. Each
 * endpoint has a circuit breaker; while it is open nothing is sent to it (and nothing counts
 * against the budget).
 */
public final class WebhookDispatcher {
  /** Retry policy and breaker of the dispatcher. */
  public record Policy(
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      Duration timeout,
      Duration lease,
      float breakerFailureRate,
      int breakerMinimumCalls,
      Duration breakerOpenFor) {}

  private final WebhookStore store;
  private final NotificationStore notifications;
  private final NotificationRenderer renderer;
  private final WebhookSender sender;
  private final Policy policy;
  private final Clock clock;
  private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

  public WebhookDispatcher(
      WebhookStore store,
      NotificationStore notifications,
      NotificationRenderer renderer,
      WebhookSender sender,
      Policy policy,
      Clock clock) {
    this.store = store;
    this.notifications = notifications;
    this.renderer = renderer;
    this.sender = sender;
    this.policy = policy;
    this.clock = clock;
  }

  /** One round over every endpoint's queue head; returns the attempts made. */
  public int dispatchOnce() {
    int attempts = 0;
    for (Delivery head : store.queueHeads(500)) {
      Instant now = clock.instant();
      if (head.nextAttempt().isAfter(now)) {
        continue; // waiting for its backoff: the rest of that endpoint's queue waits behind it
      }
      Optional<Webhook> webhook = store.find(head.webhookId());
      if (webhook.isEmpty() || !webhook.get().enabled()) {
        continue;
      }
      CircuitBreaker breaker = breaker(head.webhookId());
      if (!breaker.tryAcquirePermission()) {
        continue;
      }
      if (!store.lease(head.id(), head.version(), now.plus(policy.lease()))) {
        breaker.releasePermission();
        continue; // another replica is on it
      }
      attempt(
          webhook.get(),
          new Delivery(
              head.id(),
              head.webhookId(),
              head.notificationId(),
              head.sequence(),
              head.idempotencyKey(),
              head.status(),
              head.attempts(),
              head.nextAttempt(),
              head.createTime(),
              head.version() + 1),
          breaker);
      attempts++;
    }
    return attempts;
  }

  private void attempt(Webhook w, Delivery d, CircuitBreaker breaker) {
    Optional<Notification> n = notifications.find(d.notificationId());
    if (n.isEmpty()) {
      breaker.releasePermission();
      store.replaceDelivery(
          next(
              d,
              Delivery.Status.DEAD_LETTER,
              new Delivery.Attempt(clock.instant(), 0, "notification no longer exists", 0),
              clock.instant()),
          d.version());
      return;
    }
    String body = renderer.json(n.get());
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    Map<String, String> headers =
        Map.of(
            "Content-Type",
            "application/json",
            "X-Taskforce-Timestamp",
            timestamp,
            "X-Taskforce-Signature",
            "sha256=" + sign(w.secret(), timestamp + "." + body),
            "Idempotency-Key",
            d.idempotencyKey(),
            "X-Taskforce-Delivery",
            d.id());
    long started = System.nanoTime();
    WebhookSender.Response response = sender.post(w.url(), headers, body, policy.timeout());
    long took = (System.nanoTime() - started) / 1_000_000;
    Instant now = clock.instant();
    Delivery.Attempt attempt =
        new Delivery.Attempt(
            now, response.status(), response.error() == null ? "" : response.error(), took);
    int status = response.status();
    if (status >= 200 && status < 300) {
      breaker.onSuccess(took, TimeUnit.MILLISECONDS);
      store.replaceDelivery(next(d, Delivery.Status.DELIVERED, attempt, now), d.version());
      store.recordOutcome(w.id(), true, now);
      return;
    }
    boolean retriable = status == 0 || status >= 500 || status == 408 || status == 429;
    if (retriable) {
      breaker.onError(
          took, TimeUnit.MILLISECONDS, new IllegalStateException("webhook answered " + status));
    } else {
      breaker.onSuccess(took, TimeUnit.MILLISECONDS); // the endpoint is up; it refused this one
    }
    store.recordOutcome(w.id(), false, now);
    boolean budgetLeft = d.attempts().size() + 1 < policy.maxAttempts();
    if (retriable && budgetLeft) {
      store.replaceDelivery(
          next(d, Delivery.Status.RETRYING, attempt, now.plus(backoff(d.attempts().size()))),
          d.version());
    } else {
      store.replaceDelivery(next(d, Delivery.Status.DEAD_LETTER, attempt, now), d.version());
    }
  }

  private Duration backoff(int previousAttempts) {
    long base = policy.initialBackoff().toMillis() << Math.min(previousAttempts, 20);
    long capped = Math.min(base, policy.maxBackoff().toMillis());
    long jitter = (long) (capped * 0.2 * (ThreadLocalRandom.current().nextDouble() * 2 - 1));
    return Duration.ofMillis(Math.max(1, capped + jitter));
  }

  private static Delivery next(
      Delivery d, Delivery.Status status, Delivery.Attempt attempt, Instant nextAttempt) {
    List<Delivery.Attempt> attempts = new ArrayList<>(d.attempts());
    attempts.add(attempt);
    return new Delivery(
        d.id(),
        d.webhookId(),
        d.notificationId(),
        d.sequence(),
        d.idempotencyKey(),
        status,
        attempts,
        nextAttempt,
        d.createTime(),
        d.version() + 1);
  }

  /** The breaker of one endpoint (created on first use). */
  public CircuitBreaker breaker(String webhookId) {
    return breakers.computeIfAbsent(
        webhookId,
        id ->
            CircuitBreaker.of(
                "webhook-" + id,
                CircuitBreakerConfig.custom()
                    .slidingWindowSize(Math.max(policy.breakerMinimumCalls(), 10))
                    .minimumNumberOfCalls(policy.breakerMinimumCalls())
                    .failureRateThreshold(policy.breakerFailureRate())
                    .waitDurationInOpenState(policy.breakerOpenFor())
                    .permittedNumberOfCallsInHalfOpenState(1)
                    .build()));
  }

  /** {@code sha256=} hex of HMAC-SHA256(secret, message): what a receiver recomputes. */
  public static String sign(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
