package org.taskforce.cases.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskforce.cases.intake.domain.TipReports.report;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RelationKeysTest {

  @Test
  void oneMotelWrittenTwoWays_sharesItsAddressKey() {
    var a =
        report(
            new TipLocation("5400 Central Avenue Southeast", "Albuquerque", "NM", "motel"),
            List.of(),
            List.of());
    var b =
        report(
            new TipLocation("5400 central ave. SE", "ALBUQUERQUE", "", ""), List.of(), List.of());
    var c =
        report(
            new TipLocation("5400 Central Avenue NW", "Albuquerque", "", ""), List.of(), List.of());

    assertThat(RelationKeys.of(a)).isEqualTo(RelationKeys.of(b)).hasSize(1);
    assertThat(RelationKeys.of(c)).doesNotContainAnyElementsOf(RelationKeys.of(a));
  }

  @Test
  void phonesInAnyFormat_personsInAnyOrder_handlesWithOrWithoutAt_matchEachOther() {
    var a =
        report(
            TipLocation.NONE,
            List.of(new TipPerson("José García", "", 0, PersonRole.POSSIBLE_TRAFFICKER)),
            List.of(
                new TipIdentifier(IdentifierType.PHONE, "(505) 555-0142", ""),
                new TipIdentifier(IdentifierType.HANDLE, "@Abq_Models", "Instagram")));
    var b =
        report(
            TipLocation.NONE,
            List.of(new TipPerson("garcia jose", "", 0, PersonRole.BUYER)),
            List.of(
                new TipIdentifier(IdentifierType.PHONE, "+1 505 555 0142", ""),
                new TipIdentifier(IdentifierType.HANDLE, "abq_models", "instagram")));

    assertThat(RelationKeys.of(a))
        .containsExactlyInAnyOrderElementsOf(RelationKeys.of(b))
        .hasSize(3);
  }

  @Test
  void aSingleNameOrADescription_isNoPersonKey_andNothingRelatesAnEmptyTip() {
    var a =
        report(
            TipLocation.NONE,
            List.of(
                new TipPerson("Chuy", "", 0, PersonRole.POSSIBLE_TRAFFICKER),
                new TipPerson("", "tall man, red truck", 40, PersonRole.POSSIBLE_TRAFFICKER)),
            List.of());
    assertThat(RelationKeys.of(a)).isEmpty();
  }

  @Test
  void aMinorInCommercialSexOrImminentDanger_makesATipUrgent_nothingElseDoes() {
    for (Indicator i : Indicator.values()) {
      var r =
          new TipReport(
              TipSource.NHTH,
              "",
              Instant.EPOCH,
              "",
              TipLocation.NONE,
              "",
              List.of(),
              List.of(),
              TraffickingKind.SEX,
              Set.of(),
              Set.of(i),
              "");
      assertThat(r.urgent())
          .as(i.name())
          .isEqualTo(i == Indicator.MINOR_IN_COMMERCIAL_SEX || i == Indicator.IMMINENT_DANGER);
    }
  }
}
