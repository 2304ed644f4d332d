package org.taskforce.deconfliction.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.taskforce.platform.error.Violations;

/**
 * Selectors of things and places: vehicle plates (by issuer, O/I read as 0/1), VINs by their check
 * digit, standardised postal addresses, and business names with their premises.
 */
final class PropertySelectors {
  private static final Pattern PLATE = Pattern.compile("^[A-Z0-9]{1,8}$");
  private static final Pattern US_ZIP = Pattern.compile("^\\d{5}(\\d{4})?$");

  private PropertySelectors() {}

  static NormalizedSelector plate(
      TargetSelector.VehiclePlate p, String field, Violations violations) {
    String prefix = field + ".vehicle_plate";
    String plate =
        p.plate() == null ? "" : p.plate().toUpperCase(Locale.ROOT).replaceAll("[\\s.\\-·]", "");
    Optional<String> issuer = Issuers.code(p.issuer());
    if (!PLATE.matcher(plate).matches()) {
      violations.add(
          prefix + ".plate", "plate \"" + p.plate() + "\" must be 1 to 8 letters and digits");
    }
    if (issuer.isEmpty()) {
      violations.add(
          prefix + ".issuer",
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

  static NormalizedSelector vin(
      TargetSelector.VehicleVin vin, String field, Violations violations) {
    String prefix = field + ".vehicle_vin.vin";
    String raw =
        vin.vin() == null ? "" : vin.vin().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    Optional<String> problem = Vins.problem(raw);
    if (problem.isPresent()) {
      violations.add(prefix, "VIN \"" + vin.vin() + "\" " + problem.get());
      return null;
    }
    return new NormalizedSelector(vin, List.of("vin:" + raw), null);
  }

  static NormalizedSelector address(TargetSelector.Address a, String field, Violations violations) {
    Optional<List<String>> keys = addressKeys(a.address(), field + ".address.address", violations);
    return keys.map(k -> new NormalizedSelector(a, k, null)).orElse(null);
  }

  static Optional<List<String>> addressKeys(
      PostalAddress address, String prefix, Violations violations) {
    if (address == null) {
      violations.add(prefix, "is required");
      return Optional.empty();
    }
    String line = Addresses.standardLine(address.addressLines());
    String region = address.regionCode().trim().toUpperCase(Locale.ROOT);
    String zip = address.postalCode().replaceAll("[\\s-]", "");
    String locality = Names.fold(address.locality());
    Optional<String> area = Issuers.code(address.administrativeArea());
    int before = violations.list().size();
    if (line.isEmpty()) {
      violations.add(
          prefix + ".address_lines", "a street address is required, e.g. \"1520 Central Ave SE\"");
    }
    if (region.equals("US") && !zip.isEmpty() && !US_ZIP.matcher(zip).matches()) {
      violations.add(
          prefix + ".postal_code", "\"" + address.postalCode() + "\" is not a US ZIP code");
    }
    if (zip.isEmpty() && (locality.isEmpty() || address.administrativeArea().isBlank())) {
      violations.add(prefix + ".postal_code", "give the postal code, or the locality and state");
    }
    if (!address.administrativeArea().isBlank() && region.equals("US") && area.isEmpty()) {
      violations.add(
          prefix + ".administrative_area",
          "\"" + address.administrativeArea() + "\" is not a US state or territory");
    }
    if (violations.list().size() != before) {
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

  static NormalizedSelector business(
      TargetSelector.Business b, String field, Violations violations) {
    String prefix = field + ".business";
    String name = Addresses.businessName(b.name());
    if (name.isEmpty()) {
      violations.add(prefix + ".name", "a business name with letters or digits is required");
      return null;
    }
    List<String> keys = new ArrayList<>();
    keys.add("biz:" + name);
    if (b.address() != null) {
      Optional<List<String>> addressKeys =
          addressKeys(b.address(), prefix + ".address", violations);
      if (addressKeys.isEmpty()) {
        return null;
      }
      keys.addAll(addressKeys.get()); // the premises match address selectors too
    }
    return new NormalizedSelector(b, keys, null);
  }
}
