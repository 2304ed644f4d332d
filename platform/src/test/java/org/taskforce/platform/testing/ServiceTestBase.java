package org.taskforce.platform.testing;

import com.google.protobuf.Message;
import com.mongodb.client.MongoDatabase;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.taskforce.platform.outbox.OutboxRelay;

/**
 * What the services' Spring Boot test bases share (each adds its own {@code @SpringBootTest}): the
 * service on a free gRPC port of 127.0.0.1 with an in-memory embedded MongoDB and a quick outbox, a
 * plaintext channel to it opened before each test and closed after it, the service's database and
 * background work, and its outbox delivered on demand.
 */
@TestPropertySource(
    properties = {
      "spring.grpc.server.port=0",
      "spring.grpc.server.host=127.0.0.1",
      "taskforce.mongodb.embedded-backend=MEMORY",
      "taskforce.outbox.poll-interval=100ms",
      "taskforce.outbox.initial-backoff=100ms",
      "taskforce.outbox.max-backoff=500ms"
    })
public abstract class ServiceTestBase extends ServiceChannel {
  /** The token issuer the service trusts, and the notification-service its notices reach. */
  protected static final KeycloakTestRealm REALM = new KeycloakTestRealm();

  protected static final FakeNotificationService NOTIFICATIONS = new FakeNotificationService();

  @Autowired private ApplicationContext context;
  @Autowired protected MongoDatabase database;
  @Autowired protected OutboxRelay relay;

  @DynamicPropertySource
  static void realmAndNotifications(DynamicPropertyRegistry registry) {
    registry.add("taskforce.security.issuer-uri", REALM::issuer);
    registry.add("spring.grpc.client.channels.notifications.address", NOTIFICATIONS::address);
  }

  /** The service's background work: the outbox relay, report-count upkeep and sweeps. */
  protected List<Lifecycle> background() {
    return Background.of(context);
  }

  /**
   * With the background work paused: empties {@code collections}, forgets what the notification
   * fake was sent, then runs {@code reset}.
   */
  protected void clean(List<String> collections, Runnable reset) {
    Background.paused(
        background(),
        () -> {
          collections.forEach(name -> database.getCollection(name).deleteMany(new Document()));
          NOTIFICATIONS.reset();
          reset.run();
        });
  }

  /**
   * {@link RpcFuzzer} run over {@code service} (sent {@code examples} among its messages) as {@code
   * callers}, {@code casesPerMethod} calls an RPC unless {@code -Dfuzz.cases} says otherwise, with
   * the background work held still so that a refused call is the only thing between two digests of
   * the database (its audit log left out: it notes refusals).
   */
  protected RpcFuzzer.Report fuzz(
      io.grpc.ServiceDescriptor service,
      List<RpcFuzzer.Caller> callers,
      int casesPerMethod,
      Message... examples) {
    return Background.pausedFor(
        background(),
        () ->
            new RpcFuzzer(channel, RpcFuzzer.seed())
                .withExamples(examples)
                .run(
                    RpcFuzzer.descriptorOf(service),
                    callers,
                    RpcFuzzer.casesPerMethod(casesPerMethod),
                    RpcFuzzer.digestOf(database, Set.of("audit_log"))));
  }

  /** Delivers the outbox until it is empty (or gives up after a few seconds). */
  protected void drainOutbox() {
    Outboxes.drain(database, relay);
  }
}
