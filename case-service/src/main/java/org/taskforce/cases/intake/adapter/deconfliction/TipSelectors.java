package org.taskforce.cases.intake.adapter.deconfliction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.taskforce.api.common.v1.AddressSelector;
import org.taskforce.api.common.v1.CryptoWalletSelector;
import org.taskforce.api.common.v1.EmailSelector;
import org.taskforce.api.common.v1.PersonSelector;
import org.taskforce.api.common.v1.PhoneSelector;
import org.taskforce.api.common.v1.PostalAddress;
import org.taskforce.api.common.v1.Selector;
import org.taskforce.api.common.v1.SocialHandleSelector;
import org.taskforce.api.common.v1.VehiclePlateSelector;
import org.taskforce.cases.domain.SubjectKind;
import org.taskforce.cases.intake.domain.PersonRole;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.cases.intake.domain.TipIdentifier;
import org.taskforce.cases.intake.domain.TipPerson;

/**
 * A tip's persons, identifiers and address as deconfliction selectors, each with the tip field it
 * came from (to name it in a refusal) and what it becomes as a case subject. URLs and IP addresses
 * have no selector in deconfliction and are not checked; a person with a single name is checked by
 * nothing else but its other identifiers. Only persons in a target role ({@link
 * PersonRole#isTarget}: possible traffickers and buyers) are selectors: a possible victim's or a
 * witness's name is never sent to deconfliction, neither checked on arrival nor registered.
 */
final class TipSelectors {
  private TipSelectors() {}

  record Named(String field, Selector selector, SubjectKind kind, String displayName) {}

  static List<Named> of(Tip t) {
    List<Named> all = new ArrayList<>();
    List<TipPerson> persons = t.report().persons();
    for (int i = 0; i < persons.size(); i++) {
      TipPerson p = persons.get(i);
      String[] words = p.name().isBlank() ? new String[0] : p.name().strip().split("\\s+");
      if (p.role() == null || !p.role().isTarget() || words.length < 2) {
        continue;
      }
      PersonSelector.Builder s =
          PersonSelector.newBuilder()
              .addAllGivenNames(Arrays.asList(words).subList(0, words.length - 1))
              .addSurnames(words[words.length - 1]);
      all.add(
          new Named(
              "persons[" + i + "].name",
              Selector.newBuilder().setPerson(s).build(),
              SubjectKind.PERSON,
              p.name()));
    }
    List<TipIdentifier> ids = t.report().identifiers();
    for (int i = 0; i < ids.size(); i++) {
      TipIdentifier id = ids.get(i);
      Selector s = selector(id);
      if (s != null) {
        all.add(new Named("identifiers[" + i + "].value", s, kind(id), label(id)));
      }
    }
    if (!t.report().location().isEmpty()) {
      var loc = t.report().location();
      PostalAddress.Builder a = PostalAddress.newBuilder().addAddressLines(loc.address());
      a.setLocality(loc.city()).setAdministrativeArea(loc.state());
      all.add(
          new Named(
              "location.address",
              Selector.newBuilder().setAddress(AddressSelector.newBuilder().setAddress(a)).build(),
              SubjectKind.ADDRESS,
              loc.address() + (loc.city().isEmpty() ? "" : ", " + loc.city())));
    }
    return all;
  }

  private static Selector selector(TipIdentifier i) {
    Selector.Builder s = Selector.newBuilder();
    switch (i.type()) {
      case PHONE -> s.setPhone(PhoneSelector.newBuilder().setNumber(i.value()));
      case EMAIL -> s.setEmail(EmailSelector.newBuilder().setAddress(i.value()));
      case PLATE ->
          s.setVehiclePlate(
              VehiclePlateSelector.newBuilder()
                  .setPlate(i.value())
                  .setIssuer(i.qualifier().isEmpty() ? "NM" : i.qualifier()));
      case HANDLE ->
          s.setSocialHandle(
              SocialHandleSelector.newBuilder().setPlatform(i.qualifier()).setHandle(i.value()));
      case WALLET ->
          s.setCryptoWallet(
              CryptoWalletSelector.newBuilder().setChain(i.qualifier()).setAddress(i.value()));
      case URL, IP_ADDRESS -> {
        return null;
      }
    }
    return s.build();
  }

  private static SubjectKind kind(TipIdentifier i) {
    return switch (i.type()) {
      case PHONE -> SubjectKind.PHONE;
      case PLATE -> SubjectKind.VEHICLE;
      default -> SubjectKind.ONLINE_ACCOUNT;
    };
  }

  private static String label(TipIdentifier i) {
    String v = i.value().length() > 150 ? i.value().substring(0, 150) : i.value();
    return i.type().name().toLowerCase(java.util.Locale.ROOT) + " " + v;
  }
}
