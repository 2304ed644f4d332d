package org.taskforce.deconfliction.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskforce.deconfliction.application.PendingRegistrations.PreparedCheck;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.EventPlan;
import org.taskforce.deconfliction.domain.EventRegistration;
import org.taskforce.deconfliction.domain.EventType;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.deconfliction.domain.SelectorNormalizer;
import org.taskforce.deconfliction.domain.Stamp;
import org.taskforce.deconfliction.domain.TargetRegistration;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.mongo.EmbeddedMongo;

/**
 * A check's record ({@code beginCheck}) against a collection in which another replica's repair
 * sweep gets in right after each write: the retry still gets the recorded copies, never nothing
 * (which its caller would answer as INTERNAL).
 */
class MongoPendingRegistrationsTest {
  private static final Instant FIRST = Instant.parse("2026-11-23T12:00:00Z");
  private static final Set<String> WRITES = Set.of("updateOne", "findOneAndUpdate", "replaceOne");
  private final SelectorNormalizer normalizer = new SelectorNormalizer(Clock.systemUTC());
  private EmbeddedMongo server;
  private MongoClient client;
  private MongoDatabase database;

  /** What runs once right after the next write to {@code pending_registrations}. */
  private final AtomicReference<Runnable> afterNextWrite = new AtomicReference<>();

  @BeforeEach
  void start() {
    server = EmbeddedMongo.startInMemory();
    client = MongoClients.create(server.connectionString());
    database = client.getDatabase("pending_test");
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void aRetriedCheck_getsTheFirstAttemptsCopies_evenWhenASweepFinishesTheCheckRightAfterTheWrite() {
    MongoPendingRegistrations pending = new MongoPendingRegistrations(sweptBetweenSteps());
    PreparedCheck first = pending.beginCheck("chk-1", FIRST, target(FIRST), operation(FIRST));
    // The retry comes later with copies of its own; another replica's sweep settles the check (it
    // stores what the first attempt recorded and drops the record) just after the retry's write.
    Instant later = FIRST.plus(Duration.ofMinutes(3));
    afterNextWrite.set(() -> new MongoPendingRegistrations(database).finish("chk-1"));

    PreparedCheck retry = pending.beginCheck("chk-1", later, target(later), operation(later));

    assertThat(afterNextWrite.get()).as("the sweep got in").isNull();
    assertThat(retry).isEqualTo(first);
    assertThat(retry.target().created().time()).isEqualTo(FIRST);
  }

  @Test
  void aFirstCheck_getsItsOwnCopies_evenWhenASweepFinishesItRightAfterTheWrite() {
    MongoPendingRegistrations pending = new MongoPendingRegistrations(sweptBetweenSteps());
    afterNextWrite.set(() -> new MongoPendingRegistrations(database).finish("chk-2"));

    PreparedCheck first = pending.beginCheck("chk-2", FIRST, target(FIRST), operation(FIRST));

    assertThat(afterNextWrite.get()).isNull();
    assertThat(first.target()).isEqualTo(target(FIRST));
    assertThat(first.operation()).isEqualTo(operation(FIRST));
  }

  /**
   * The database as {@link MongoPendingRegistrations} sees it, except that {@link #afterNextWrite}
   * runs right after a write to its collection returns.
   */
  private MongoDatabase sweptBetweenSteps() {
    return proxy(
        MongoDatabase.class,
        database,
        (method, result) ->
            method.equals("getCollection")
                    && ((MongoCollection<?>) result)
                        .getNamespace()
                        .getCollectionName()
                        .equals(MongoPendingRegistrations.COLLECTION)
                ? proxy(
                    MongoCollection.class,
                    result,
                    (m, r) -> {
                      if (WRITES.contains(m)) {
                        Runnable sweep = afterNextWrite.getAndSet(null);
                        if (sweep != null) {
                          sweep.run();
                        }
                      }
                      return r;
                    })
                : result);
  }

  private interface AfterCall {
    Object apply(String method, Object result);
  }

  private static <T> T proxy(Class<T> type, Object real, AfterCall after) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              Object result;
              try {
                result = method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              return after.apply(method.getName(), result);
            }));
  }

  private TargetRegistration target(Instant at) {
    Stamp stamp = new Stamp("u-hsi", "SA Morgan", "hsi-abq", at);
    return new TargetRegistration(
        "t-chk",
        new Agency("hsi-abq", "HSI Albuquerque", "FEDERAL"),
        List.of(
            normalizer
                .normalize(new TargetSelector.Phone("5055550142", ""), "s", new Violations())
                .orElseThrow()),
        new Contact("SA Morgan", "", "+15055550100", ""),
        "HSI-2026-9",
        Disclosure.OPEN,
        at.plus(Duration.ofDays(180)),
        RegistrationStatus.ACTIVE,
        stamp,
        stamp,
        1,
        "",
        "");
  }

  private static EventRegistration operation(Instant at) {
    Stamp stamp = new Stamp("u-hsi", "SA Morgan", "hsi-abq", at);
    Instant start = at.plus(Duration.ofDays(2));
    return new EventRegistration(
        "e-chk",
        new Agency("hsi-abq", "HSI Albuquerque", "FEDERAL"),
        EventType.SEARCH_WARRANT,
        new EventPlan(35.0844, -106.6504, 100, start, start.plus(Duration.ofHours(2))),
        null,
        new Contact("SA Morgan", "", "+15055550100", ""),
        List.of(),
        "HSI-2026-9",
        Disclosure.OPEN,
        RegistrationStatus.ACTIVE,
        stamp,
        stamp,
        1,
        "");
  }
}
