package org.taskforce.deconfliction.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.taskforce.platform.error.Violations;

class SelectorNormalizerTest {
  private final SelectorNormalizer normalizer = new SelectorNormalizer(Clock.systemUTC());

  private List<String> keys(TargetSelector s) {
    Violations v = new Violations();
    return normalizer
        .normalize(s, "s", v)
        .orElseThrow(() -> new AssertionError(v.list()))
        .canonicalKeys();
  }

  @ParameterizedTest
  @CsvSource({"(505) 555-0142", "505.555.0142", "+1 505 555 0142", "1-505-555-0142", "5055550142"})
  void phonesInEveryCommonFormat_shareTheE164Key(String number) {
    assertThat(keys(new TargetSelector.Phone(number, ""))).containsExactly("phone:+15055550142");
  }

  @Test
  void foreignNumbers_useTheirRegionOrCountryCode() {
    assertThat(keys(new TargetSelector.Phone("55 1234 5678", "MX")))
        .containsExactly("phone:+525512345678");
    assertThat(keys(new TargetSelector.Phone("+52 55 1234 5678", "")))
        .containsExactly("phone:+525512345678");
  }

  @Test
  void emails_areCaseFolded_withoutSubAddress_andGmailDots() {
    assertThat(keys(new TargetSelector.Email(" Chuy.Garcia+ads@GMail.com ")))
        .containsExactly("email:chuygarcia@gmail.com");
    assertThat(keys(new TargetSelector.Email("chuygarcia@googlemail.com")))
        .containsExactly("email:chuygarcia@gmail.com");
    assertThat(keys(new TargetSelector.Email("Chuy.Garcia@Yahoo.com")))
        .containsExactly("email:chuy.garcia@yahoo.com");
  }

  @Test
  void plates_ignoreSeparators_case_andOForZero() {
    assertThat(keys(new TargetSelector.VehiclePlate("abc-1o3", "New Mexico")))
        .containsExactly("plate:NM:ABC103");
    assertThat(keys(new TargetSelector.VehiclePlate("ABC 103", "nm")))
        .containsExactly("plate:NM:ABC103");
    assertThat(keys(new TargetSelector.VehiclePlate("4TRB21", "Navajo Nation")))
        .containsExactly("plate:NAVAJO:4TRB21");
  }

  @Test
  void vins_areCheckedAndUpperCased() {
    assertThat(keys(new TargetSelector.VehicleVin("1ftfw1e51-pfa12345")))
        .containsExactly("vin:1FTFW1E51PFA12345");
    Violations v = new Violations();
    assertThat(normalizer.normalize(new TargetSelector.VehicleVin("1FTFW1E5IPFA12345"), "s", v))
        .isEmpty();
    assertThat(v.list().getFirst().description()).contains("contains I");
  }

  @Test
  void addresses_areStandardised() {
    var a =
        new PostalAddress(
            List.of("1520 Central Avenue South-East", "Apartment 4"),
            "Albuquerque",
            "New Mexico",
            "87106-1234",
            "");
    var b =
        new PostalAddress(List.of("1520 CENTRAL AVE. SE #4"), "ALBUQUERQUE", "NM", "87106", "US");
    assertThat(keys(new TargetSelector.Address(a)))
        .isEqualTo(keys(new TargetSelector.Address(b)))
        .contains("addr:US:87106:1520 CENTRAL AVE SE #4");
  }

  @Test
  void handles_dropAtSignsAndProfileUrls() {
    assertThat(keys(new TargetSelector.SocialHandle("IG", "https://www.instagram.com/Chuy.ABQ/")))
        .containsExactly("handle:instagram:chuy.abq");
    assertThat(keys(new TargetSelector.SocialHandle("Instagram", "@chuy.abq")))
        .containsExactly("handle:instagram:chuy.abq");
  }

  @Test
  void wallets_areCaseFoldedOnlyWhereTheChainIgnoresCase() {
    String eth = "0x52908400098527886E0F7030069857D2E4169EE7";
    assertThat(keys(new TargetSelector.CryptoWallet("ETH", eth)))
        .containsExactly("wallet:ethereum:" + eth.toLowerCase());
    String tron = "TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC";
    assertThat(keys(new TargetSelector.CryptoWallet("tron", tron)))
        .containsExactly("wallet:tron:" + tron);
  }

  @Test
  void businesses_dropLegalForms_andMatchTheirPremisesAsAddresses() {
    var premises =
        new PostalAddress(List.of("200 Lomas Blvd NW"), "Albuquerque", "NM", "87102", "US");
    assertThat(keys(new TargetSelector.Business("The Rose Spa, L.L.C.", premises)))
        .contains("biz:ROSE SPA", "addr:US:87102:200 LOMAS BLVD NW");
  }

  @Test
  void personNames_areTransliteratedAndFolded() {
    var p =
        new TargetSelector.Person(
            List.of("Jesús"), List.of("García-Ortiz"), List.of("Chuy"), new BirthDate(1988, 3, 4));
    assertThat(keys(p)).containsExactly("person:JESUS CHUY/GARCIA ORTIZ/19880304");
    var cyrillic =
        new TargetSelector.Person(
            List.of("Андрей"), List.of("Шевченко"), List.of(), BirthDate.UNKNOWN);
    assertThat(keys(cyrillic).getFirst()).startsWith("person:ANDREJ/SEVCENKO");
  }
}
