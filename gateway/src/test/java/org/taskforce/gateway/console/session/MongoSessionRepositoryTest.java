package org.taskforce.gateway.console.session;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.taskforce.platform.crypto.FieldSealer;
import org.taskforce.platform.mongo.EmbeddedMongo;
import org.taskforce.platform.testing.MutableClock;

/**
 * The console's session store against the embedded MongoDB-wire server: copies of one session saved
 * by concurrent requests keep each other's changes, a deleted session stays deleted, a new id moves
 * the session, sessions expire, and what is stored is sealed and read back only through the
 * allow-list.
 */
class MongoSessionRepositoryTest {
  static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  static final String RISING = "last-activity";
  static final AtomicBoolean GADGET_RAN = new AtomicBoolean();

  EmbeddedMongo server;
  MongoClient client;
  MongoCollection<Document> stored;
  MutableClock clock = new MutableClock(Instant.parse("2026-12-02T04:00:00Z"));
  MongoSessionRepository sessions;

  /** The commands sent on the session collection ("update", "insert", ...), in order. */
  final List<String> commands = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    server = EmbeddedMongo.startInMemory();
    client =
        MongoClients.create(
            MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .addCommandListener(
                    new CommandListener() {
                      @Override
                      public void commandStarted(CommandStartedEvent event) {
                        var target = event.getCommand().get(event.getCommandName());
                        if (target != null
                            && target.isString()
                            && target
                                .asString()
                                .getValue()
                                .equals(MongoSessionRepository.COLLECTION)) {
                          commands.add(event.getCommandName());
                        }
                      }
                    })
                .build());
    var database = client.getDatabase("gateway");
    stored = database.getCollection(MongoSessionRepository.COLLECTION);
    sessions = repository(KEY);
  }

  MongoSessionRepository repository(String key) {
    return repository(key, Duration.ofMinutes(10));
  }

  MongoSessionRepository repository(String key, Duration maxInactive) {
    var repository =
        new MongoSessionRepository(
            client.getDatabase("gateway"),
            new SessionAttributeCodec(FieldSealer.configured("test-key", key, false)),
            maxInactive,
            Set.of(RISING),
            clock);
    repository.createIndexes();
    return repository;
  }

  private Document raw(String sessionId) {
    return stored.find(eq("sid", MongoSessionRepository.key(sessionId))).first();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private StoredSession saved(Map<String, Object> attributes) {
    StoredSession session = sessions.createSession().block();
    attributes.forEach(session::setAttribute);
    sessions.save(session).block();
    return session;
  }

  private StoredSession load(String id) {
    return sessions.findById(id).block();
  }

  @Test
  void twoRequestsOfOneSession_keepEachOthersChanges() {
    var token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "old", null, null);
    String id = saved(Map.of("token", token, "page", "cases", "draft", "x")).getId();
    StoredSession refreshing = load(id);
    StoredSession navigating = load(id);

    refreshing.setAttribute(
        "token", new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "new", null, null));
    sessions.save(refreshing).block();
    // The older copy changes other attributes only: it must not put the old token back.
    navigating.setAttribute("page", "conflicts");
    navigating.removeAttribute("draft");
    sessions.save(navigating).block();

    StoredSession now = load(id);
    assertThat(now.<OAuth2AccessToken>getAttribute("token").getTokenValue()).isEqualTo("new");
    assertThat(now.<String>getAttribute("page")).isEqualTo("conflicts");
    assertThat(now.getAttributeNames()).containsExactlyInAnyOrder("token", "page");
  }

  @Test
  void anAttributeChangedInPlace_isSaved() {
    String id = saved(Map.of("list", new ArrayList<>(List.of("a")))).getId();
    StoredSession copy = load(id);
    copy.<List<String>>getAttribute("list").add("b");
    sessions.save(copy).block();
    assertThat(load(id).<List<String>>getAttribute("list")).containsExactly("a", "b");
  }

  @Test
  void aRisingAttribute_neverMovesBack() {
    String id = saved(Map.of(RISING, 50L)).getId();
    StoredSession recent = load(id);
    StoredSession older = load(id);
    recent.setAttribute(RISING, 200L);
    older.setAttribute(RISING, 100L);
    sessions.save(recent).block();
    sessions.save(older).block();
    assertThat(load(id).<Long>getAttribute(RISING)).isEqualTo(200L);
  }

  @Test
  void theRisingAttributes_areReadAsStoredNow_withoutTheSealedOnes_andNotForAnEndedSession() {
    String id = saved(Map.of(RISING, 50L, "a", "1")).getId();
    StoredSession other = load(id);
    other.setAttribute(RISING, 70L);
    sessions.save(other).block();
    assertThat(sessions.risingAttributes(id).block()).containsExactly(Map.entry(RISING, 70L));
    assertThat(sessions.risingAttributes(saved(Map.of("a", "1")).getId()).block()).isEmpty();

    clock.advance(Duration.ofMinutes(11));
    assertThat(sessions.risingAttributes(id).block()).isNull();
    String deleted = saved(Map.of(RISING, 1L)).getId();
    sessions.deleteById(deleted).block();
    assertThat(sessions.risingAttributes(deleted).block()).isNull();
  }

  @Test
  void aSessionDeletedWhileARequestRuns_isNotBroughtBack() {
    String id = saved(Map.of("a", "1")).getId();
    StoredSession running = load(id);
    sessions.deleteById(id).block();
    running.setAttribute("a", "2");
    sessions.save(running).block();
    assertThat(load(id)).isNull();
    assertThat(stored.countDocuments()).isZero();
  }

  @Test
  void aNewId_movesTheSession_andTheOldIdNoLongerWorks() {
    String before = saved(Map.of("a", "1")).getId();
    StoredSession copy = load(before);
    String after = copy.changeSessionId();
    copy.setAttribute("b", "2");
    sessions.save(copy).block();

    assertThat(after).isNotEqualTo(before);
    assertThat(load(before)).isNull();
    assertThat(load(after).getAttributeNames()).containsExactlyInAnyOrder("a", "b");
    assertThat(stored.countDocuments()).isEqualTo(1);
    // Later saves of the moved copy update the new document.
    copy.setAttribute("c", "3");
    sessions.save(copy).block();
    assertThat(load(after).getAttributeNames()).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void aNewId_isOneUpdateOfTheSameDocument_neitherAnInsertNorADelete() {
    String before = saved(Map.of("a", "1")).getId();
    Object documentId = raw(before).get("_id");
    StoredSession copy = load(before);
    String after = copy.changeSessionId();
    commands.clear();
    sessions.save(copy).block();

    // One single-document write: no moment (nor failure) leaves both ids, or neither, working.
    assertThat(commands).containsExactly("update");
    assertThat(raw(after).get("_id")).isEqualTo(documentId);
    assertThat(raw(before)).isNull();
    assertThat(load(after).<String>getAttribute("a")).isEqualTo("1");
  }

  @Test
  void aSessionEndedBeforeItsNewIdIsSaved_isNotBroughtBackUnderTheNewId() {
    String before = saved(Map.of("a", "1")).getId();
    StoredSession signingIn = load(before);
    sessions.deleteById(before).block(); // signed out, or ended as idle, on another replica
    String after = signingIn.changeSessionId();
    signingIn.setAttribute("b", "2");
    sessions.save(signingIn).block();

    assertThat(load(after)).isNull();
    assertThat(load(before)).isNull();
    assertThat(stored.countDocuments()).isZero();
  }

  @Test
  void aRequestThatChangesNothing_writesNothing_andTheAccessTimeIsWrittenOncePerMinute() {
    sessions = repository(KEY, Duration.ofMinutes(35));
    String id = saved(Map.of("a", "1", RISING, 5L)).getId();
    Instant created = clock.instant();
    for (int second : new int[] {1, 30, 59}) {
      clock.advance(Duration.ofSeconds(second).minus(Duration.between(created, clock.instant())));
      StoredSession request = load(id);
      request.setLastAccessedTime(clock.instant()); // as Spring Session does on every request
      request.setAttribute("a", "1"); // the same value again
      commands.clear();
      sessions.save(request).block();
      assertThat(commands).as("save %s s after the last write", second).isEmpty();
    }
    clock.advance(Duration.ofSeconds(2)); // 61 s after the last write
    StoredSession request = load(id);
    request.setLastAccessedTime(clock.instant());
    commands.clear();
    sessions.save(request).block();
    assertThat(commands).containsExactly("update");
    assertThat(raw(id).getDate("lastAccessed").toInstant()).isEqualTo(clock.instant());
    assertThat(raw(id).getDate("expireAt").toInstant())
        .isEqualTo(clock.instant().plus(Duration.ofMinutes(35)));

    // A change is written at once, with or without the access time.
    request = load(id);
    request.setLastAccessedTime(clock.instant().plusSeconds(1));
    request.setAttribute("a", "2");
    commands.clear();
    sessions.save(request).block();
    assertThat(commands).containsExactly("update");
    assertThat(load(id).<String>getAttribute("a")).isEqualTo("2");
  }

  @Test
  void aStoredInactiveIntervalLongerThanConfigured_isNotBelieved() {
    String id = saved(Map.of("a", "1", RISING, 1L)).getId();
    // Written by no gateway of this configuration (an older one, or by hand).
    stored.updateOne(eq("sid", MongoSessionRepository.key(id)), set("maxInactiveMs", 86_400_000L));
    assertThat(load(id).getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(10));
    clock.advance(Duration.ofMinutes(11));
    assertThat(load(id)).isNull();
    assertThat(sessions.risingAttributes(id).block()).isNull();
  }

  @Test
  void aSessionUnusedForItsInactiveInterval_isGone_andTheSweepDeletesIt() {
    String unused = saved(Map.of("a", "1")).getId();
    String used = saved(Map.of("a", "1")).getId();
    clock.advance(Duration.ofMinutes(6));
    StoredSession request = load(used);
    request.setLastAccessedTime(clock.instant());
    sessions.save(request).block();
    clock.advance(Duration.ofMinutes(5));

    assertThat(load(unused)).isNull();
    assertThat(load(used)).isNotNull();
    assertThat(sessions.sweep()).isEqualTo(1);
    assertThat(stored.countDocuments()).isEqualTo(1);
    assertThat(load(used)).isNotNull();
  }

  @Test
  void storedAttributes_areSealed_andTheSessionIdIsNotStored() {
    String id = saved(Map.of("role", new SimpleGrantedAuthority("ROLE_secret-role-name"))).getId();
    Document raw = stored.find().first();
    assertThat(raw.getString("_id")).isNotEqualTo(id).doesNotContain(id);
    assertThat(raw.toJson()).doesNotContain("secret-role-name").doesNotContain(id);
    assertThat(raw.get("attrs", Document.class).values())
        .allSatisfy(v -> assertThat((String) v).startsWith(FieldSealer.PREFIX));
    // Another key does not open it: the session is refused, not half read.
    String otherKey =
        Base64.getEncoder()
            .encodeToString(
                new byte[] {
                  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
                  24, 25, 26, 27, 28, 29, 30, 31, 32
                });
    assertThat(repository(otherKey).findById(id).block()).isNull();
    assertThat(load(id).<SimpleGrantedAuthority>getAttribute("role").getAuthority())
        .isEqualTo("ROLE_secret-role-name");
  }

  @Test
  void aStoredClassOutsideTheAllowList_isRefusedBeforeItsCodeRuns() {
    String id = saved(Map.of("a", "1")).getId();
    String documentId = raw(id).getString("_id");
    var codec = new SessionAttributeCodec(FieldSealer.configured("test-key", KEY, false));
    // Sealed with the right key, as someone who had it (or a bug) would store it.
    String forged = codec.seal(documentId, "a", SessionAttributeCodec.serialize("a", new Gadget()));
    stored.updateOne(eq("_id", documentId), set("attrs." + SessionDocument.field("a"), forged));

    assertThat(load(id)).isNull();
    assertThat(GADGET_RAN).isFalse();
  }

  @Test
  void aSealedValueCopiedFromAnotherSession_doesNotOpen() {
    String victim = saved(Map.of("a", "victim's")).getId();
    String attacker = saved(Map.of("a", "attacker's")).getId();
    Object sealed = raw(victim).get("attrs", Document.class).get(SessionDocument.field("a"));
    stored.updateOne(
        eq("sid", MongoSessionRepository.key(attacker)),
        set("attrs." + SessionDocument.field("a"), sealed));
    assertThat(load(attacker)).isNull();
    assertThat(load(victim).<String>getAttribute("a")).isEqualTo("victim's");
  }

  @Test
  void theAllowList_takesSpringSecuritysAndPlainJdkTypes_only() {
    assertThat(SessionAttributeCodec.allowed(SimpleGrantedAuthority.class)).isTrue();
    assertThat(SessionAttributeCodec.allowed(String[].class)).isTrue();
    assertThat(SessionAttributeCodec.allowed(long[].class)).isTrue();
    assertThat(SessionAttributeCodec.allowed(Gadget.class)).isFalse();
    assertThat(SessionAttributeCodec.allowed(Gadget[].class)).isFalse();
    assertThat(SessionAttributeCodec.allowed(java.util.PriorityQueue.class)).isFalse();
    assertThat(SessionAttributeCodec.allowed(javax.management.BadAttributeValueExpException.class))
        .isFalse();
  }

  /** What a deserialization gadget does: run code while being read. */
  static final class Gadget implements Serializable {
    @Serial private static final long serialVersionUID = 1L;

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      GADGET_RAN.set(true);
    }
  }
}
