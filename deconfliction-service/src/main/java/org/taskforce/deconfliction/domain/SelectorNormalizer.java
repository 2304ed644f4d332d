package org.taskforce.deconfliction.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.taskforce.platform.error.Violations;

/**
 * Turns selectors as entered into canonical keys, or says exactly why one is not valid. Each
 * selector type has its own rules (phones with libphonenumber, VINs by their check digit, names
 * transliterated and folded, e-mail addresses and handles case-folded, addresses standardised).
 */
public final class SelectorNormalizer {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final Pattern EMAIL =
      Pattern.compile(
          "^[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}$");
  private static final Pattern PLATE = Pattern.compile("^[A-Z0-9]{1,8}$");
  private static final Pattern HANDLE = Pattern.compile("^[a-z0-9._-]{1,64}$");
  private static final Pattern US_ZIP = Pattern.compile("^\\d{5}(\\d{4})?$");

  private final int earliestBirthYear;
  private final java.time.Clock clock;

  public SelectorNormalizer(java.time.Clock clock) {
    this.clock = clock;
    this.earliestBirthYear = 1900;
  }

  /** The normalised selector, or empty with the reasons added to {@code violations}. */
  public Optional<NormalizedSelector> normalize(
      TargetSelector selector, String field, Violations violations) {
    int before = violations.list().size();
    NormalizedSelector result =
        switch (selector) {
          case TargetSelector.Person p -> person(p, field, violations);
          case TargetSelector.Phone p -> phone(p, field, violations);
          case TargetSelector.Email e -> email(e, field, violations);
          case TargetSelector.VehiclePlate p -> plate(p, field, violations);
          case TargetSelector.VehicleVin v -> vin(v, field, violations);
          case TargetSelector.Address a -> address(a, field, violations);
          case TargetSelector.SocialHandle h -> handle(h, field, violations);
          case TargetSelector.CryptoWallet w -> wallet(w, field, violations);
          case TargetSelector.Business b -> business(b, field, violations);
        };
    return violations.list().size() == before ? Optional.ofNullable(result) : Optional.empty();
  }

  private NormalizedSelector person(TargetSelector.Person p, String field, Violations v) {
    String f = field + ".person";
    boolean anyName =
        p.givenNames().stream().anyMatch(Names::hasLetter)
            || p.surnames().stream().anyMatch(Names::hasLetter)
            || p.aliases().stream().anyMatch(Names::hasLetter);
    v.check(
        anyName,
        f + ".surnames",
        "a person needs at least one name (given name, surname or alias)");
    v.check(
        p.surnames().stream().anyMatch(Names::hasLetter)
            || p.aliases().stream().anyMatch(a -> Names.tokens(List.of(a)).size() > 1)
            || !anyName,
        f + ".surnames",
        "a person needs a surname (or an alias with one); a given name alone matches too many people");
    checkNames(p.givenNames(), f + ".given_names", v);
    checkNames(p.surnames(), f + ".surnames", v);
    checkNames(p.aliases(), f + ".aliases", v);
    BirthDate dob = p.dateOfBirth();
    if (dob.year() != 0 || dob.month() != 0 || dob.day() != 0) {
      checkBirthDate(dob, f + ".date_of_birth", v);
    }
    PersonProfile profile = PersonProfile.of(p);
    return new NormalizedSelector(p, List.of("person:" + profile.encode()), profile);
  }

  private static void checkNames(List<String> names, String field, Violations v) {
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name == null || name.isBlank()) {
        v.add(field + "[" + i + "]", "must not be empty");
      } else if (name.length() > 100) {
        v.add(field + "[" + i + "]", "is longer than 100 characters");
      } else if (!Names.hasLetter(name)) {
        v.add(field + "[" + i + "]", "\"" + name + "\" has no letters");
      } else if (name.chars().anyMatch(Character::isDigit)) {
        v.add(field + "[" + i + "]", "\"" + name + "\" contains digits; names are words");
      }
    }
  }

  private void checkBirthDate(BirthDate dob, String field, Violations v) {
    int thisYear = LocalDate.now(clock).getYear();
    if (dob.year() < earliestBirthYear || dob.year() > thisYear) {
      v.add(
          field + ".year",
          "year " + dob.year() + " is not between " + earliestBirthYear + " and " + thisYear);
      return;
    }
    if (dob.month() == 0 && dob.day() != 0) {
      v.add(field + ".month", "a day without a month is not a date; give the month or neither");
      return;
    }
    if (dob.month() < 0 || dob.month() > 12) {
      v.add(field + ".month", "month " + dob.month() + " is not between 1 and 12");
      return;
    }
    if (dob.day() != 0) {
      try {
        LocalDate date = LocalDate.of(dob.year(), dob.month(), dob.day());
        if (date.isAfter(LocalDate.now(clock))) {
          v.add(field, dob + " is in the future");
        }
      } catch (DateTimeException e) {
        v.add(
            field + ".day",
            dob.year() + "-" + dob.month() + "-" + dob.day() + " is not a calendar date");
      }
    }
  }

  private static NormalizedSelector phone(TargetSelector.Phone p, String field, Violations v) {
    String f = field + ".phone";
    String region =
        p.defaultRegionCode() == null || p.defaultRegionCode().isBlank()
            ? "US"
            : p.defaultRegionCode().trim().toUpperCase(Locale.ROOT);
    if (!PHONES.getSupportedRegions().contains(region)) {
      v.add(f + ".default_region_code", "\"" + region + "\" is not an ISO 3166-1 region code");
      return null;
    }
    if (p.number() == null || p.number().isBlank()) {
      v.add(f + ".number", "must not be empty");
      return null;
    }
    try {
      Phonenumber.PhoneNumber number = PHONES.parse(p.number(), region);
      if (!PHONES.isValidNumber(number)) {
        v.add(
            f + ".number",
            "phone \"" + p.number() + "\" is not a valid number for region " + region);
        return null;
      }
      String e164 = PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
      return new NormalizedSelector(p, List.of("phone:" + e164), null);
    } catch (NumberParseException e) {
      v.add(
          f + ".number", "phone \"" + p.number() + "\" is not a valid number for region " + region);
      return null;
    }
  }

  private static NormalizedSelector email(TargetSelector.Email e, String field, Violations v) {
    String f = field + ".email.address";
    String raw = e.address() == null ? "" : e.address().trim().toLowerCase(Locale.ROOT);
    if (raw.startsWith("mailto:")) {
      raw = raw.substring("mailto:".length());
    }
    if (!EMAIL.matcher(raw).matches()) {
      v.add(f, "\"" + e.address() + "\" is not an e-mail address");
      return null;
    }
    int at = raw.lastIndexOf('@');
    String local = raw.substring(0, at);
    String domain = raw.substring(at + 1);
    if (domain.equals("googlemail.com")) {
      domain = "gmail.com";
    }
    int plus = local.indexOf('+');
    if (plus > 0) {
      local = local.substring(0, plus); // sub-addressing: x+tag@ reaches x@
    }
    if (domain.equals("gmail.com")) {
      local = local.replace(".", ""); // Gmail ignores dots
    }
    return new NormalizedSelector(e, List.of("email:" + local + "@" + domain), null);
  }

  private static NormalizedSelector plate(
      TargetSelector.VehiclePlate p, String field, Violations v) {
    String f = field + ".vehicle_plate";
    String plate =
        p.plate() == null ? "" : p.plate().toUpperCase(Locale.ROOT).replaceAll("[\\s.\\-·]", "");
    Optional<String> issuer = Issuers.code(p.issuer());
    if (!PLATE.matcher(plate).matches()) {
      v.add(f + ".plate", "plate \"" + p.plate() + "\" must be 1 to 8 letters and digits");
    }
    if (issuer.isEmpty()) {
      v.add(
          f + ".issuer",
          p.issuer() == null || p.issuer().isBlank()
              ? "the issuing state or tribal nation is required, e.g. NM or NAVAJO"
              : "\"" + p.issuer() + "\" is not a known US state, territory or tribal plate issuer");
    }
    if (!PLATE.matcher(plate).matches() || issuer.isEmpty()) {
      return null;
    }
    // Letters O and I are read as 0 and 1 on many plates: compare them alike.
    String canonical = plate.replace('O', '0').replace('I', '1');
    return new NormalizedSelector(p, List.of("plate:" + issuer.get() + ":" + canonical), null);
  }

  private static NormalizedSelector vin(TargetSelector.VehicleVin vin, String field, Violations v) {
    String f = field + ".vehicle_vin.vin";
    String raw =
        vin.vin() == null ? "" : vin.vin().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    Optional<String> problem = Vins.problem(raw);
    if (problem.isPresent()) {
      v.add(f, "VIN \"" + vin.vin() + "\" " + problem.get());
      return null;
    }
    return new NormalizedSelector(vin, List.of("vin:" + raw), null);
  }

  private static NormalizedSelector address(TargetSelector.Address a, String field, Violations v) {
    Optional<List<String>> keys = addressKeys(a.address(), field + ".address.address", v);
    return keys.map(k -> new NormalizedSelector(a, k, null)).orElse(null);
  }

  static Optional<List<String>> addressKeys(PostalAddress address, String f, Violations v) {
    if (address == null) {
      v.add(f, "is required");
      return Optional.empty();
    }
    String line = Addresses.standardLine(address.addressLines());
    String region = address.regionCode().trim().toUpperCase(Locale.ROOT);
    String zip = address.postalCode().replaceAll("[\\s-]", "");
    String locality = Names.fold(address.locality());
    Optional<String> area = Issuers.code(address.administrativeArea());
    int before = v.list().size();
    if (line.isEmpty()) {
      v.add(f + ".address_lines", "a street address is required, e.g. \"1520 Central Ave SE\"");
    }
    if (region.equals("US") && !zip.isEmpty() && !US_ZIP.matcher(zip).matches()) {
      v.add(f + ".postal_code", "\"" + address.postalCode() + "\" is not a US ZIP code");
    }
    if (zip.isEmpty() && (locality.isEmpty() || address.administrativeArea().isBlank())) {
      v.add(f + ".postal_code", "give the postal code, or the locality and state");
    }
    if (!address.administrativeArea().isBlank() && region.equals("US") && area.isEmpty()) {
      v.add(
          f + ".administrative_area",
          "\"" + address.administrativeArea() + "\" is not a US state or territory");
    }
    if (v.list().size() != before) {
      return Optional.empty();
    }
    List<String> keys = new ArrayList<>();
    if (!zip.isEmpty()) {
      keys.add("addr:" + region + ":" + zip.substring(0, Math.min(5, zip.length())) + ":" + line);
    }
    if (!locality.isEmpty() && area.isPresent()) {
      keys.add("addr:" + region + ":" + area.get() + ":" + locality + ":" + line);
    }
    return Optional.of(keys);
  }

  private static NormalizedSelector handle(
      TargetSelector.SocialHandle h, String field, Violations v) {
    String f = field + ".social_handle";
    String platform = Handles.platform(h.platform());
    String handle = Handles.handle(h.handle());
    if (platform.isEmpty()) {
      v.add(f + ".platform", "the platform is required, e.g. instagram, facebook, telegram");
    }
    if (!HANDLE.matcher(handle).matches()) {
      v.add(
          f + ".handle",
          "handle \"" + h.handle() + "\" may only hold letters, digits, '.', '_' and '-'");
    }
    if (platform.isEmpty() || !HANDLE.matcher(handle).matches()) {
      return null;
    }
    return new NormalizedSelector(h, List.of("handle:" + platform + ":" + handle), null);
  }

  private static NormalizedSelector wallet(
      TargetSelector.CryptoWallet w, String field, Violations v) {
    String f = field + ".crypto_wallet";
    Optional<String> chain = Wallets.chain(w.chain());
    if (chain.isEmpty()) {
      v.add(
          f + ".chain",
          "\"" + w.chain() + "\" is not a supported chain (" + Wallets.SUPPORTED + ")");
      return null;
    }
    String address = w.address() == null ? "" : w.address().trim();
    Optional<String> canonical = Wallets.canonical(chain.get(), address);
    if (canonical.isEmpty()) {
      v.add(f + ".address", "\"" + address + "\" is not a " + chain.get() + " address");
      return null;
    }
    return new NormalizedSelector(
        w, List.of("wallet:" + chain.get() + ":" + canonical.get()), null);
  }

  private static NormalizedSelector business(
      TargetSelector.Business b, String field, Violations v) {
    String f = field + ".business";
    String name = Addresses.businessName(b.name());
    if (name.isEmpty()) {
      v.add(f + ".name", "a business name with letters or digits is required");
      return null;
    }
    List<String> keys = new ArrayList<>();
    keys.add("biz:" + name);
    if (b.address() != null) {
      Optional<List<String>> addressKeys = addressKeys(b.address(), f + ".address", v);
      if (addressKeys.isEmpty()) {
        return null;
      }
      keys.addAll(addressKeys.get()); // the premises match address selectors too
    }
    return new NormalizedSelector(b, keys, null);
  }
}
