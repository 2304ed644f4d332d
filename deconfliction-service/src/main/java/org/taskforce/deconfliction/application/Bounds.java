package org.taskforce.deconfliction.application;

import java.util.List;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.PostalAddress;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.platform.error.Violations;

/**
 * The size of every field deconfliction takes (README, "Bounds"). Over a bound is a field violation
 * and nothing is stored; selector values are bounded before they are normalised, as they become
 * index keys.
 */
public final class Bounds {
  /** Ids (registrations, conflicts, review items, requests), case references, etags. */
  public static final int ID = 128;

  /** Names: contacts, titles, person names, business names, address lines, handles, wallets. */
  public static final int NAME = 200;

  /** Phone numbers, e-mail addresses. */
  public static final int CONTACT_POINT = 254;

  public static final int PURPOSE = 500;

  /** Notes and reasons. */
  public static final int NOTE = 2000;

  public static final int NAMES_PER_PERSON = 10;
  public static final int ADDRESS_LINES = 5;
  public static final int LINKED_IDS = 50;
  public static final int FILTER_VALUES = 10;

  private Bounds() {}

  /** A note of at most {@link #NOTE} characters, or INVALID_ARGUMENT on {@code note}. */
  public static void requireNote(String note) {
    Violations violations = new Violations();
    text(note, NOTE, "note", violations);
    violations.throwIfAny();
  }

  /** Adds a violation when {@code value} is longer than {@code max} characters. */
  public static void text(String value, int max, String field, Violations violations) {
    if (value != null && value.length() > max) {
      violations.add(field, "at most " + max + " characters (" + value.length() + " given)");
    }
  }

  public static void count(int n, int max, String field, Violations violations) {
    if (n > max) {
      violations.add(field, "at most " + max + " values (" + n + " given)");
    }
  }

  private static void texts(List<String> values, int max, String field, Violations violations) {
    count(values.size(), NAMES_PER_PERSON, field, violations);
    for (int i = 0; i < values.size() && i < NAMES_PER_PERSON; i++) {
      text(values.get(i), max, field + "[" + i + "]", violations);
    }
  }

  public static void contact(Contact c, String field, Violations violations) {
    if (c == null) {
      return;
    }
    text(c.displayName(), NAME, field + ".display_name", violations);
    text(c.title(), NAME, field + ".title", violations);
    text(c.phone(), CONTACT_POINT, field + ".phone", violations);
    text(c.email(), CONTACT_POINT, field + ".email", violations);
  }

  public static void address(PostalAddress a, String field, Violations violations) {
    if (a == null) {
      return;
    }
    count(a.addressLines().size(), ADDRESS_LINES, field + ".address_lines", violations);
    for (int i = 0; i < a.addressLines().size() && i < ADDRESS_LINES; i++) {
      text(a.addressLines().get(i), NAME, field + ".address_lines[" + i + "]", violations);
    }
    text(a.locality(), NAME, field + ".locality", violations);
    text(a.administrativeArea(), NAME, field + ".administrative_area", violations);
    text(a.postalCode(), 32, field + ".postal_code", violations);
    text(a.regionCode(), 8, field + ".region_code", violations);
  }

  /** A selector's values; true when all are within bounds (only then is it normalised). */
  public static boolean selector(TargetSelector s, String field, Violations violations) {
    Violations own = new Violations();
    switch (s) {
      case TargetSelector.Person p -> {
        texts(p.givenNames(), NAME, field + ".person.given_names", own);
        texts(p.surnames(), NAME, field + ".person.surnames", own);
        texts(p.aliases(), NAME, field + ".person.aliases", own);
      }
      case TargetSelector.Phone p -> {
        text(p.number(), CONTACT_POINT, field + ".phone.number", own);
        text(p.defaultRegionCode(), 8, field + ".phone.default_region_code", own);
      }
      case TargetSelector.Email e ->
          text(e.address(), CONTACT_POINT, field + ".email.address", own);
      case TargetSelector.VehiclePlate p -> {
        text(p.plate(), 32, field + ".vehicle_plate.plate", own);
        text(p.issuer(), 64, field + ".vehicle_plate.issuer", own);
      }
      case TargetSelector.VehicleVin vin -> text(vin.vin(), 32, field + ".vehicle_vin.vin", own);
      case TargetSelector.Address a -> address(a.address(), field + ".address.address", own);
      case TargetSelector.SocialHandle h -> {
        text(h.platform(), 64, field + ".social_handle.platform", own);
        text(h.handle(), NAME, field + ".social_handle.handle", own);
      }
      case TargetSelector.CryptoWallet w -> {
        text(w.chain(), 64, field + ".crypto_wallet.chain", own);
        text(w.address(), NAME, field + ".crypto_wallet.address", own);
      }
      case TargetSelector.Business b -> {
        text(b.name(), NAME, field + ".business.name", own);
        address(b.address(), field + ".business.address", own);
      }
    }
    own.list().forEach(f -> violations.add(f.field(), f.description()));
    return own.isEmpty();
  }
}
