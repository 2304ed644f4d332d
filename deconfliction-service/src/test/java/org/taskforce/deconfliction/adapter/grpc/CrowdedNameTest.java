package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.common.v1.Selector;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingRequest;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingResponse;
import org.taskforce.api.deconfliction.v1.CrowdedName;
import org.taskforce.api.deconfliction.v1.GetTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.TargetRegistration;
import org.taskforce.api.deconfliction.v1.UpdateTargetRegistrationRequest;
import org.taskforce.deconfliction.application.RegistrationRepair;

/**
 * Issue 25 item 2: a name asked without a date of birth that more registered persons the asker may
 * see fit than the bound (3 here) is answered "many registered persons fit this name" with a band,
 * and no owner is alerted; restricted registrations of other agencies never count.
 */
@TestPropertySource(properties = "taskforce.deconfliction.name-only-bound=3")
class CrowdedNameTest extends DeconflictionTestBase {
  static final Selector MARIA = person("María", "López", 0, 0, 0);
  static final CrowdedName CROWDED_AT_3 =
      CrowdedName.newBuilder()
          .setSelectorIndex(0)
          .setAtLeast(3)
          .setMessage(
              "Many registered persons fit this name: add a date of birth or another identifier.")
          .build();

  @Autowired RegistrationRepair repair;

  private static String agency(String id) {
    return investigator(id, "LOCAL");
  }

  private List<TargetRegistration> namesakes(
      String token, DisclosureLevel d, int n, Selector... s) {
    List<TargetRegistration> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(register(token, d, s.length == 0 ? new Selector[] {MARIA} : s).getRegistration());
    }
    return out;
  }

  private CheckBeforeActingResponse check(boolean register, Selector... selectors) {
    CheckBeforeActingResponse r =
        as(apd())
            .checkBeforeActing(
                CheckBeforeActingRequest.newBuilder()
                    .addAllSelectors(List.of(selectors))
                    .setPurpose("street contact")
                    .setPointOfContact(contact("Ofc. Baca"))
                    .setRegister(register)
                    .build());
    // what the asker reads, without the check's own id
    return r.toBuilder().clearCheckId().build();
  }

  private CheckBeforeActingResponse check(Selector... s) {
    return check(false, s);
  }

  private void setDisclosure(String token, TargetRegistration r, DisclosureLevel d) {
    as(token)
        .updateTargetRegistration(
            UpdateTargetRegistrationRequest.newBuilder()
                .setRegistration(r.toBuilder().setDisclosureLevel(d))
                .setUpdateMask(FieldMask.newBuilder().addPaths("disclosure_level"))
                .build());
  }

  private void clearAlerts() {
    drainOutbox();
    NOTIFICATIONS.clear();
  }

  private List<String> indexEntries() {
    List<String> all = new ArrayList<>();
    database
        .getCollection("match_index")
        .find()
        .forEach(d -> all.addAll(d.getList("e", String.class)));
    return all;
  }

  @Test
  void oneMoreVisibleNamesakeThanTheBound_isAnsweredManyWithItsBand_andAlertsNobody() {
    namesakes(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, 2);
    namesakes(nnpd(), DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY, 1);
    namesakes(fbi(), DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY, 1);
    clearAlerts();

    CheckBeforeActingResponse r = check(MARIA);

    assertThat(r.getHitsList()).isEmpty();
    assertThat(r.getCrowdedNamesList()).containsExactly(CROWDED_AT_3);
    assertThat(r.toString()).doesNotContain(HSI).doesNotContain(NNPD).doesNotContain("Rivera");
    drainOutbox();
    assertThat(NOTIFICATIONS.published()).isEmpty();
    Document audit =
        database
            .getCollection("audit_log")
            .find(new Document("action", "check.before-acting"))
            .first();
    assertThat(audit.get("details", Document.class).getString("crowdedNames")).isEqualTo("0:3+");
  }

  @Test
  void aDisclosureChange_movesARegistrationOutOfTheCountAndBackIn() {
    namesakes(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, 3);
    TargetRegistration fbis = namesakes(fbi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, 1).get(0);
    assertThat(check(MARIA).getCrowdedNamesList()).containsExactly(CROWDED_AT_3);

    setDisclosure(fbi(), fbis, DisclosureLevel.DISCLOSURE_LEVEL_RESTRICTED);
    assertThat(indexEntries())
        .filteredOn(e -> e.contains(fbis.getRegistrationId()))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e).startsWith("~R|"));
    clearAlerts();
    CheckBeforeActingResponse atBound = check(MARIA);
    assertThat(atBound.getCrowdedNamesList()).isEmpty();
    assertThat(atBound.getHitsList()).hasSize(3); // today's answer: the restricted one not shown
    drainOutbox();
    assertThat(NOTIFICATIONS.publishedTo(HSI)).hasSize(3);
    assertThat(NOTIFICATIONS.publishedTo(FBI)).hasSize(1); // its owner is told, as today

    GetTargetRegistrationRequest get =
        GetTargetRegistrationRequest.newBuilder()
            .setRegistrationId(fbis.getRegistrationId())
            .build();
    TargetRegistration restricted = as(fbi()).getTargetRegistration(get).getRegistration();
    setDisclosure(fbi(), restricted, DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY);
    assertThat(check(MARIA).getCrowdedNamesList()).containsExactly(CROWDED_AT_3);
  }

  @Test
  void restrictedNamesakesOfOtherAgencies_changeNothingTheAskerReads() {
    namesakes(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, 2);
    namesakes(nnpd(), DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY, 1);
    CheckBeforeActingResponse without = check(MARIA);
    assertThat(without.getHitsList()).hasSize(3);

    namesakes(fbi(), DisclosureLevel.DISCLOSURE_LEVEL_RESTRICTED, 3);
    namesakes(agency("bcso"), DisclosureLevel.DISCLOSURE_LEVEL_RESTRICTED, 3);
    namesakes(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_RESTRICTED, 2);
    assertThat(check(MARIA)).isEqualTo(without);

    namesakes(agency("sfpd"), DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY, 1);
    assertThat(check(MARIA).getCrowdedNamesList()).containsExactly(CROWDED_AT_3);
  }

  @Test
  void theAskersOwnNamesakes_doNotCount_whenTheyAreNotMatched() {
    namesakes(apd(), DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY, 5);
    namesakes(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, 3);
    CheckBeforeActingResponse r = check(MARIA);
    assertThat(r.getCrowdedNamesList()).isEmpty();
    assertThat(r.getHitsList()).hasSize(3);
  }

  @Test
  void
      entriesWrittenBeforeTheyCarriedTheDisclosure_countOnlyOnceLearned_andTheRebuildRewritesThem() {
    namesakes(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, 3);
    namesakes(fbi(), DisclosureLevel.DISCLOSURE_LEVEL_RESTRICTED, 3);
    CheckBeforeActingResponse before = check(MARIA);
    assertThat(before.getCrowdedNamesList()).isEmpty();
    assertThat(before.getHitsList()).hasSize(3);
    // the index as the service before this change wrote it
    var index = database.getCollection("match_index");
    for (Document d : index.find()) {
      List<String> old =
          d.getList("e", String.class).stream().map(e -> e.replaceFirst("^~[OAR]\\|", "")).toList();
      index.replaceOne(new Document("_id", d.get("_id")), new Document("e", old));
    }
    assertThat(indexEntries()).noneMatch(e -> e.startsWith("~"));

    assertThat(check(MARIA)).isEqualTo(before);
    namesakes(agency("bcso"), DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY, 1);
    assertThat(check(MARIA).getCrowdedNamesList()).containsExactly(CROWDED_AT_3);

    repair.rebuildIndex();
    assertThat(indexEntries()).isNotEmpty().allMatch(e -> e.matches("^~[OAR]\\|.*"));
    assertThat(indexEntries()).filteredOn(e -> e.startsWith("~R|")).isNotEmpty();
    assertThat(check(MARIA).getCrowdedNamesList()).containsExactly(CROWDED_AT_3);
  }

  @Test
  void aNameWithADateOfBirth_isNeverBounded() {
    Selector dated = person("María", "López", 1990, 1, 2);
    namesakes(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, 5, dated);
    CheckBeforeActingResponse r = check(dated);
    assertThat(r.getCrowdedNamesList()).isEmpty();
    assertThat(r.getHitsList()).hasSize(5);
  }

  @Test
  void aCheckThatRegisters_keepsTodaysPairs() {
    namesakes(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, 5);
    CheckBeforeActingResponse r = check(true, MARIA);
    assertThat(r.getCrowdedNamesList()).isEmpty();
    assertThat(r.getHitsList()).hasSize(5);
    assertThat(r.getTargetRegistrationIdsList()).hasSize(1);
  }

  @Test
  void anotherSelectorOfTheAsk_stillFindsItsOwnHits_andOnlyTheirOwnersAreTold() {
    namesakes(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, 4);
    namesakes(
        nnpd(), DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY, 1, MARIA, phone("505-555-0142"));
    clearAlerts();

    CheckBeforeActingResponse r = check(MARIA, phone("(505) 555-0142"));

    assertThat(r.getCrowdedNamesList()).containsExactly(CROWDED_AT_3);
    assertThat(r.getHitsList())
        .singleElement()
        .satisfies(h -> assertThat(h.getOwnerAgency().getAgencyId()).isEqualTo(NNPD));
    drainOutbox();
    assertThat(NOTIFICATIONS.published())
        .singleElement()
        .satisfies(n ->
            assertThat(n.getRecipientsList())
                .extracting(x -> x.getAgencyId())
                .containsExactly(NNPD));
  }
}
