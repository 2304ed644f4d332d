package org.taskforce.cases.intake.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.taskforce.cases.intake.domain.TipReports.report;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.domain.Contact;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.cases.intake.domain.ConversionClaim;
import org.taskforce.cases.intake.domain.IdentifierType;
import org.taskforce.cases.intake.domain.PersonRole;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.cases.intake.domain.TipIdentifier;
import org.taskforce.cases.intake.domain.TipLocation;
import org.taskforce.cases.intake.domain.TipPerson;
import org.taskforce.cases.intake.domain.TipReport;
import org.taskforce.cases.intake.domain.TipTriage;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.mongo.EmbeddedMongo;
import org.taskforce.platform.paging.PageTokens;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.AgencyType;

/**
 * Related tips through {@code tip_relation_keys} against the embedded MongoDB-wire server and the
 * real driver: the same answers as before (what two tips share, only tips the agency may see,
 * newest first, paged), every read a read by {@code _id}, and pointers that follow a tip's keys as
 * it changes.
 */
class MongoTipStoreRelatedTest {
  static EmbeddedMongo mongo;
  static MongoClient client;
  static final List<BsonDocument> FINDS = new CopyOnWriteArrayList<>();
  MongoDatabase database;
  MongoTipStore store;
  long clock = Instant.parse("2026-11-30T10:00:00Z").toEpochMilli();

  @BeforeAll
  static void start() {
    mongo = EmbeddedMongo.startInMemory();
    CommandListener finds =
        new CommandListener() {
          @Override
          public void commandStarted(CommandStartedEvent e) {
            if (e.getCommandName().equals("find")) {
              FINDS.add(e.getCommand().clone());
            }
          }
        };
    client =
        MongoClients.create(
            MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongo.connectionString()))
                .addCommandListener(finds)
                .build());
  }

  @AfterAll
  static void stop() {
    client.close();
    mongo.close();
  }

  @BeforeEach
  void fresh() {
    database = client.getDatabase("related" + System.nanoTime());
    store = new MongoTipStore(database, new PageTokens("tip-store-test-page-token-secret"));
    store.create(database);
  }

  @Test
  void tipsSharingAKey_areRelated_newestFirst_onlyWhereTheAgencyMaySee_byReadsOfIdsAlone() {
    Tip asked = tip("a", "nm-ago", phone("(505) 555-0142"));
    Tip samePhone = tip("b", "nm-ago", phone("+1 505 555 0142"));
    Tip sameMotel = tip("c", "nm-ago", motel("5400 central ave. SE"), phone("505-555-0999"));
    Tip otherAgency = tip("d", "hsi-abq", phone("505-555-0142"));
    Tip nothingShared = tip("e", "nm-ago", phone("505-555-0111"));
    Tip both = tip("f", "nm-ago", motel("5400 Central Avenue Southeast"), phone("505 555 0142"));
    asked = withMotel(asked);
    for (Tip t : List.of(asked, samePhone, sameMotel, otherAgency, nothingShared, both)) {
      assertThat(store.insertIfAbsent(t)).isTrue();
    }
    FINDS.clear();

    Page<Tip> page = store.related("a", asked.relationKeys(), "nm-ago", 2, "");
    Page<Tip> next = store.related("a", asked.relationKeys(), "nm-ago", 2, page.nextPageToken());

    assertThat(page.items()).extracting(Tip::id).containsExactly("f", "c");
    assertThat(next.items()).extracting(Tip::id).containsExactly("b");
    assertThat(next.nextPageToken()).isEmpty();
    assertThat(FINDS).isNotEmpty();
    assertThat(FINDS)
        .allSatisfy(find -> assertThat(find.getDocument("filter").keySet()).containsExactly("_id"));
    // A token of another tip's list is refused, never a page of something else.
    var refused =
        catchThrowableOfType(
            TaskforceException.class,
            () -> store.related("b", samePhone.relationKeys(), "nm-ago", 2, page.nextPageToken()));
    assertThat(refused.violations()).extracting(v -> v.field()).containsExactly("page_token");
  }

  @Test
  void aKeyATipNoLongerCarries_noLongerRelatesIt_andStalePointersAreNeverAnswered() {
    Tip victimNamed = tip("a", "nm-ago", phone("505-555-0142")).withHits(List.of(), stamp());
    Tip withPerson =
        newTip(
            "b",
            report(
                TipLocation.NONE,
                List.of(new TipPerson("Maria Lopez", "", 19, PersonRole.POSSIBLE_VICTIM)),
                List.of()),
            "nm-ago",
            stamp());
    Tip asking =
        newTip(
            "c",
            report(
                TipLocation.NONE,
                List.of(new TipPerson("lopez maria", "", 0, PersonRole.WITNESS)),
                List.of()),
            "nm-ago",
            stamp());
    store.insertIfAbsent(victimNamed);
    store.insertIfAbsent(withPerson);
    store.insertIfAbsent(asking);
    assertThat(store.related("c", asking.relationKeys(), "nm-ago", 10, "").items())
        .extracting(Tip::id)
        .containsExactly("b");

    Tip claimed =
        withPerson.claimConversion(
            new ConversionClaim(
                "conv-1",
                "case-1",
                "Central Ave motel",
                new Contact("Agent Baca", "", "+15055550120", ""),
                new AgencyPrincipal(
                    "sub-1",
                    "Agent Baca",
                    "taskforce-web",
                    AgencyPrincipal.Kind.USER,
                    "nm-ago",
                    AgencyType.STATE,
                    Set.of("investigator")),
                Instant.parse("2026-11-30T10:00:00Z")),
            stamp());
    assertThat(store.replace(claimed, 1)).isTrue();
    assertThat(store.get("b").orElseThrow().triage().claim()).isEqualTo(claimed.triage().claim());
    Tip converted = store.get("b").orElseThrow().converted(0, stamp());
    assertThat(converted.triage().claim()).isNull();
    assertThat(store.replace(converted, 2)).isTrue();

    assertThat(store.related("c", asking.relationKeys(), "nm-ago", 10, "").items()).isEmpty();
    // A pointer left by a crash between writes names a tip that does not carry the key: ignored.
    database
        .getCollection("tip_relation_keys")
        .updateOne(
            new Document("_id", asking.relationKeys().iterator().next()),
            new Document("$set", new Document("tips.a", 1L)));
    assertThat(store.related("c", asking.relationKeys(), "nm-ago", 10, "").items()).isEmpty();
    // A stale replace is refused.
    assertThat(store.replace(converted, 2)).isFalse();
  }

  @Test
  void aSlowWriterOfAnOlderVersion_cannotRemoveAPointerANewerWriteReAdded() {
    MongoRelationKeys keys = new MongoRelationKeys(database);
    String k = "phone:+15055550160";
    keys.add("s", 1, List.of(k));
    // Version 2 dropped the key and is slow to remove its pointer; version 3 carries it again.
    keys.add("s", 3, List.of(k));
    keys.remove("s", 2, List.of(k));

    assertThat(keys.tipsSharing(List.of(k), "x")).containsExactly("s");
    // A write at least as new as the pointer's does remove it.
    keys.remove("s", 4, List.of(k));
    assertThat(keys.tipsSharing(List.of(k), "x")).isEmpty();
  }

  @Test
  void aPointerBackfillStoppedPartWay_isFinishedOnTheNextStart() {
    Tip first = tip("g", "nm-ago", phone("505-555-0161"));
    Tip second = tip("h", "nm-ago", phone("505-555-0161"));
    Tip third = tip("i", "nm-ago", phone("505-555-0161"));
    for (Tip t : List.of(first, second, third)) {
      store.insertIfAbsent(t);
    }
    // As left by tips stored before the pointers, then a backfill stopped after the first tip.
    database.getCollection("tip_relation_keys").deleteMany(new Document());
    new MongoRelationKeys(database).add("g", 1, first.relationKeys());

    new MongoTipStore(database, new PageTokens("tip-store-test-page-token-secret"))
        .create(database);

    assertThat(store.related("g", first.relationKeys(), "nm-ago", 10, "").items())
        .extracting(Tip::id)
        .containsExactlyInAnyOrder("h", "i");
  }

  // ---- data

  private Tip tip(String id, String agency, TipIdentifier... ids) {
    clock += 60_000;
    Stamp at = new Stamp("u", "U", agency, Instant.ofEpochMilli(clock));
    return newTip(id, report(TipLocation.NONE, List.of(), List.of(ids)), agency, at);
  }

  private Tip tip(String id, String agency, TipLocation where, TipIdentifier... ids) {
    Tip t = tip(id, agency, ids);
    return newTip(id, report(where, List.of(), List.of(ids)), agency, t.created());
  }

  private static Tip withMotel(Tip t) {
    return newTip(
        t.id(),
        report(motel("5400 Central Ave SE"), t.report().persons(), t.report().identifiers()),
        t.receivingAgencyId(),
        t.created());
  }

  private static Tip newTip(String id, TipReport report, String agency, Stamp at) {
    return new Tip(id, report, agency, true, TipTriage.NEW, false, List.of(), List.of(), at, at, 1);
  }

  private Stamp stamp() {
    return new Stamp("u", "U", "nm-ago", Instant.ofEpochMilli(clock));
  }

  private static TipIdentifier phone(String number) {
    return new TipIdentifier(IdentifierType.PHONE, number, "");
  }

  private static TipLocation motel(String address) {
    return new TipLocation(address, "Albuquerque", "NM", "motel");
  }
}
