package org.taskforce.cases.intake.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.api.cases.v1.GetVictimSummaryRequest;
import org.taskforce.api.cases.v1.GetVictimSummaryResponse;
import org.taskforce.api.cases.v1.ListSubjectsRequest;
import org.taskforce.api.cases.v1.ListVictimsRequest;
import org.taskforce.api.cases.v1.ParticipantRole;
import org.taskforce.api.cases.v1.Subject;
import org.taskforce.api.cases.v1.Victim;
import org.taskforce.api.common.v1.PointOfContact;
import org.taskforce.api.intake.v1.ConvertTipToCaseResponse;
import org.taskforce.api.intake.v1.PersonRole;
import org.taskforce.api.intake.v1.Tip;
import org.taskforce.api.intake.v1.TipPerson;
import org.taskforce.platform.testing.ErrorDetails;

/**
 * A tip's possible victims, once it becomes a case, are victim records in the case's victim
 * compartment — never subjects, never registered with deconfliction, no longer on the tip — and
 * only the case's victim-service advocates read who they are; everyone else gets counts.
 */
class TipVictimsTest extends IntakeTestBase {
  static final String ADULT = "Maria Lopez";
  static final String MINOR = "Jazmin Ortiz-Bega";
  static final String WITNESS = "Consuelo Haverford";
  static final String BUYER = "Garrett Pruitt";

  @Test
  void possibleVictims_becomeVictimRecords_readOnlyByTheCasesAdvocates() {
    Tip tip =
        get(
            enter(
                    hotline(),
                    motelTip("505-555-0181")
                        .addPersons(
                            TipPerson.newBuilder()
                                .setName(MINOR)
                                .setApproximateAge(15)
                                .setRole(PersonRole.PERSON_ROLE_POSSIBLE_VICTIM)))
                .getTipId());

    ConvertTipToCaseResponse converted = convert(tip);

    assertThat(converted.getVictimCount()).isEqualTo(2);
    // The trafficker, the phone and the address; neither possible victim.
    assertThat(converted.getSubjectCount()).isEqualTo(3);
    assertThat(converted.toString()).doesNotContain(ADULT).doesNotContain(MINOR);
    String caseId = converted.getCaseId();

    // The tip keeps how many moved, not who.
    Tip after = get(tip.getTipId());
    assertThat(after.toString()).doesNotContain(ADULT).doesNotContain(MINOR);
    assertThat(after.getPersonsList())
        .extracting(TipPerson::getRole)
        .doesNotContain(PersonRole.PERSON_ROLE_POSSIBLE_VICTIM);
    assertThat(after.getStatusNote()).contains("2 possible victims");

    // Subjects (and so deconfliction) never carry a victim.
    List<Subject> subjects =
        as(ago())
            .listSubjects(ListSubjectsRequest.newBuilder().setCaseId(caseId).build())
            .getSubjectsList();
    assertThat(subjects.toString()).doesNotContain(ADULT).doesNotContain(MINOR);
    assertThat(DECONFLICTION.creates().toString()).doesNotContain(ADULT).doesNotContain(MINOR);

    // AGO leads and converted, HSI supports, the crisis center gives victim services.
    Case c = as(ago()).getCase(GetCaseRequest.newBuilder().setCaseId(caseId).build()).getCase();
    c = invite(c, HSI, ParticipantRole.PARTICIPANT_ROLE_SUPPORTING);
    invite(c, CRISIS, ParticipantRole.PARTICIPANT_ROLE_VICTIM_SERVICES);
    accept(c, HSI, hsi());
    accept(c, CRISIS, advocate());

    List<Victim> seen =
        as(advocate())
            .listVictims(ListVictimsRequest.newBuilder().setCaseId(caseId).build())
            .getVictimsList();
    assertThat(seen)
        .extracting(Victim::getDisplayName, Victim::getMinor)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(ADULT, false),
            org.assertj.core.groups.Tuple.tuple(MINOR, true));

    for (String other : List.of(agoCoordinator(), ago(), hsi(), coordinatorOnly(AGO, "STATE"))) {
      var refused =
          thrownBy(() ->
              as(other).listVictims(ListVictimsRequest.newBuilder().setCaseId(caseId).build()));
      assertThat(refused.getStatus().getCode())
          .isIn(Status.Code.PERMISSION_DENIED, Status.Code.NOT_FOUND);
      assertThat(refused.getStatus().getDescription()).doesNotContain(ADULT);
    }
    GetVictimSummaryResponse counts =
        as(hsi()).getVictimSummary(GetVictimSummaryRequest.newBuilder().setCaseId(caseId).build());
    assertThat(counts.getVictimCount()).isEqualTo(2);
    assertThat(counts.getMinorCount()).isEqualTo(1);

    // Nor do the case itself, the outcome export, notices or the audit trail name them.
    Case read = as(hsi()).getCase(GetCaseRequest.newBuilder().setCaseId(caseId).build()).getCase();
    assertThat(read.toString()).doesNotContain(ADULT).doesNotContain(MINOR);
    String csv = hotlineOutcomes(agoCoordinator()).getCsv();
    assertThat(csv).doesNotContain(ADULT).doesNotContain(MINOR);
    drainOutbox();
    assertThat(NOTIFICATIONS.published().toString()).doesNotContain(ADULT).doesNotContain(MINOR);
    for (Document d : database.getCollection("audit_log").find()) {
      assertThat(d.toJson()).doesNotContain(ADULT).doesNotContain(MINOR);
    }
  }

  /**
   * On arrival only the tip's targets — possible traffickers and buyers — and its identifiers are
   * checked with deconfliction: a possible victim's name (or a witness's) would reach the owner of
   * any matching registration as "your subject was searched", outside the victim compartment.
   */
  @Test
  void onArrival_possibleVictimsAndWitnesses_areNeverSentToDeconfliction() {
    Tip tip =
        enter(
            hotline(),
            motelTip("505-555-0183")
                .addPersons(
                    TipPerson.newBuilder()
                        .setName(MINOR)
                        .setApproximateAge(15)
                        .setRole(PersonRole.PERSON_ROLE_POSSIBLE_VICTIM))
                .addPersons(
                    TipPerson.newBuilder().setName(WITNESS).setRole(PersonRole.PERSON_ROLE_WITNESS))
                .addPersons(
                    TipPerson.newBuilder().setName(BUYER).setRole(PersonRole.PERSON_ROLE_BUYER)));

    String checked = DECONFLICTION.checks().toString();
    assertThat(DECONFLICTION.checks()).isNotEmpty();
    // The trafficker and the buyer are checked, with the phone and the address...
    assertThat(checked).contains("Velasquez").contains("Pruitt").contains("505-555-0183");
    assertThat(checked).contains("Central Avenue");
    // ...never the possible victims or the witness, under any part of their names.
    for (String name : List.of(ADULT, MINOR, WITNESS)) {
      for (String part : name.split(" ")) {
        assertThat(checked).doesNotContain(part);
      }
    }

    // Nor are they carried into a case as subjects (registered with deconfliction).
    ConvertTipToCaseResponse converted = convert(get(tip.getTipId()));
    // The trafficker, the buyer, the phone and the address.
    assertThat(converted.getSubjectCount()).isEqualTo(4);
    assertThat(converted.getVictimCount()).isEqualTo(2);
    drainOutbox();
    String registered = DECONFLICTION.creates().toString();
    assertThat(registered).contains("Pruitt");
    for (String name : List.of(ADULT, MINOR, WITNESS)) {
      assertThat(registered).doesNotContain(name.split(" ")[1]);
    }
  }

  @Test
  void aConversionRefusedPartWay_leavesTheVictimsOnTheTip_andARetryAddsThemOnce() {
    Tip tip = get(enter(hotline(), motelTip("505-555-0182")).getTipId());
    // Deconfliction refuses nothing here; an invalid point of contact stops before anything.
    var refused =
        thrownBy(() ->
            tips(agoCoordinator())
                .convertTipToCase(
                    conversion(tip, "Central Ave motel").toBuilder()
                        .setPointOfContact(PointOfContact.newBuilder())
                        .build()));
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(ErrorDetails.violations(refused)).containsKey("point_of_contact.display_name");
    assertThat(database.getCollection("victims").countDocuments()).isZero();
    assertThat(get(tip.getTipId()).toString()).contains(ADULT);

    ConvertTipToCaseResponse converted = convert(tip);
    assertThat(converted.getVictimCount()).isEqualTo(1);
    assertThat(database.getCollection("victims").countDocuments()).isOne();
    // the tip's industry comes with it to the case (and so into the report's case counts)
    assertThat(
            database
                .getCollection("cases")
                .find(new Document("_id", converted.getCaseId()))
                .first()
                .getList("industries", String.class))
        .containsExactly("HOTEL_TOURISM");
  }

  private ConvertTipToCaseResponse convert(Tip tip) {
    return tips(agoCoordinator())
        .convertTipToCase(conversion(tip, "Central Ave motel").toBuilder().build());
  }
}
