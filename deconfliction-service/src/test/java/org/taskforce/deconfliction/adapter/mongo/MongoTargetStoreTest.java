package org.taskforce.deconfliction.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.BirthDate;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.NormalizedSelector;
import org.taskforce.deconfliction.domain.PersonProfile;
import org.taskforce.deconfliction.domain.RegistrationStatus;
import org.taskforce.deconfliction.domain.SelectorNormalizer;
import org.taskforce.deconfliction.domain.Stamp;
import org.taskforce.deconfliction.domain.TargetRegistration;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.mongo.EmbeddedMongo;

class MongoTargetStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  private final SelectorNormalizer normalizer = new SelectorNormalizer(Clock.systemUTC());
  private EmbeddedMongo server;
  private MongoClient client;
  private MongoTargetStore store;
  private MongoCollection<Document> collection;

  @BeforeEach
  void start() {
    server = EmbeddedMongo.startInMemory();
    client = MongoClients.create(server.connectionString());
    var db = client.getDatabase("targets_test");
    store = new MongoTargetStore(db);
    collection = db.getCollection(MongoTargetStore.COLLECTION);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private TargetRegistration registration(String id, TargetSelector... selectors) {
    Stamp stamp = new Stamp("u-1", "Det. Ortiz", "", NOW);
    List<NormalizedSelector> normalized =
        java.util.Arrays.stream(selectors)
            .map(s -> normalizer.normalize(s, "s", new Violations()).orElseThrow())
            .toList();
    return new TargetRegistration(
        id,
        new Agency("apd", "Albuquerque PD", "LOCAL"),
        normalized,
        new Contact("Det. Ortiz", "", "+15055550100", ""),
        "APD-2026-114",
        Disclosure.OPEN,
        NOW.plusSeconds(86_400),
        RegistrationStatus.ACTIVE,
        stamp,
        stamp,
        1,
        "",
        "");
  }

  private static TargetSelector.Person chuy() {
    return new TargetSelector.Person(
        List.of("Jesús"), List.of("García-Ortiz"), List.of("Chuy"), new BirthDate(1988, 3, 4));
  }

  @Test
  void aPersonsProfile_isReadBackAsWritten_notDerivedAgain() {
    TargetRegistration r = registration("t-1", chuy(), new TargetSelector.Phone("5055550142", ""));
    store.insert(r);
    PersonProfile written = r.selectors().getFirst().person();

    // What the index entries were written with wins, even if normalisation would now differ.
    PersonProfile stored = new PersonProfile(List.of("jesus"), List.of("garcia"), written.dob());
    collection.updateOne(
        new Document("_id", "t-1"), Updates.set("selectors.0.profile", stored.encode()));

    TargetRegistration read = store.find("t-1").orElseThrow();
    assertThat(read.selectors().getFirst().person()).isEqualTo(stored).isNotEqualTo(written);
    assertThat(read.selectors().getFirst().canonicalKeys())
        .isEqualTo(r.selectors().getFirst().canonicalKeys());
    assertThat(read.selectors().get(1).person()).isNull();
    assertThat(store.findAll(List.of("t-1")).getFirst().selectors().getFirst().person())
        .isEqualTo(stored);
  }

  @Test
  void aRegistrationStoredWithoutProfiles_getsThemDerivedFromItsSelectors() {
    TargetRegistration r = registration("t-2", chuy());
    store.insert(r);
    collection.updateOne(new Document("_id", "t-2"), Updates.unset("selectors.0.profile"));

    assertThat(store.find("t-2").orElseThrow().selectors().getFirst().person())
        .isEqualTo(PersonProfile.of(chuy()))
        .isEqualTo(r.selectors().getFirst().person());
  }

  @Test
  void owners_areWhatTheFullReadsSay_forEveryIdFound_andNothingForUnknownIds() {
    TargetRegistration open =
        registration("t-3", chuy(), new TargetSelector.Phone("5055550142", ""));
    TargetRegistration ended =
        new TargetRegistration(
            "t-4",
            new Agency("bcso", "Bernalillo County SO", "LOCAL"),
            registration("t-4", chuy()).selectors(),
            Contact.NONE,
            "",
            Disclosure.RESTRICTED,
            NOW.minusSeconds(60),
            RegistrationStatus.WITHDRAWN,
            open.created(),
            open.updated(),
            3,
            "",
            "");
    store.insert(open);
    store.insert(ended);

    var owners = store.findOwners(List.of("t-3", "t-4", "t-unknown"));

    assertThat(owners).hasSize(2);
    for (var o : owners) {
      TargetRegistration full = store.find(o.id()).orElseThrow();
      assertThat(o.agency()).isEqualTo(full.agency());
      assertThat(o.contact()).isEqualTo(full.contact());
      assertThat(o.disclosure()).isEqualTo(full.disclosure());
      assertThat(o.status()).isEqualTo(full.status());
      assertThat(o.expireTime()).isEqualTo(full.expireTime());
      assertThat(o.matchable(NOW)).isEqualTo(full.matchable(NOW));
    }
    assertThat(owners)
        .filteredOn(o -> o.id().equals("t-3"))
        .singleElement()
        .satisfies(o -> assertThat(o.matchable(NOW)).isTrue());
    assertThat(owners)
        .filteredOn(o -> o.id().equals("t-4"))
        .singleElement()
        .satisfies(o -> {
          assertThat(o.matchable(NOW)).isFalse();
          assertThat(o.disclosure()).isEqualTo(Disclosure.RESTRICTED);
          assertThat(o.agency().id()).isEqualTo("bcso");
        });
    assertThat(store.findOwners(List.of())).isEmpty();
  }
}
