package org.taskforce.deconfliction.evaluation;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.taskforce.deconfliction.domain.PostalAddress;
import org.taskforce.deconfliction.domain.SelectorNormalizer;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.platform.error.Violations;

/** Exact selectors written two ways by two agencies, plus an unrelated one of the same kind. */
final class ExactSelectors {
  private static final String[] STREETS = {
    "Central", "Coors", "Isleta", "San Mateo", "Menaul", "Zuni", "Lomas", "Montgomery"
  };
  private static final String[] SUFFIXES = {"Avenue", "Boulevard", "Road", "Street", "Drive"};
  private static final String[] SHORT = {"Ave", "Blvd", "Rd", "St", "Dr"};
  private static final String[] DIRECTIONS = {"Northeast", "Southeast", "Northwest", "Southwest"};
  private static final String[] DIRECTIONS_SHORT = {"NE", "SE", "NW", "SW"};

  record Pair(TargetSelector registered, TargetSelector asked, TargetSelector unrelated) {}

  private final Random random;
  private final SelectorNormalizer normalizer = new SelectorNormalizer(Clock.systemUTC());

  ExactSelectors(Random random) {
    this.random = random;
  }

  List<Pair> pairs() {
    return List.of(phone(), email(), plate(), vin(), address(), handle(), wallet(), business());
  }

  private Pair phone() {
    String area = random.nextBoolean() ? "505" : "575";
    String exchange = String.valueOf(200 + random.nextInt(800));
    String line = String.format("%04d", random.nextInt(10_000));
    String[] formats = {
      "(" + area + ") " + exchange + "-" + line,
      area + "." + exchange + "." + line,
      "+1 " + area + " " + exchange + " " + line,
      "1-" + area + "-" + exchange + "-" + line,
      area + exchange + line
    };
    // Arizona: never one of the registered New Mexico numbers.
    String other = "480" + exchange + line;
    return new Pair(
        new TargetSelector.Phone(formats[random.nextInt(formats.length)], ""),
        new TargetSelector.Phone(formats[random.nextInt(formats.length)], "US"),
        new TargetSelector.Phone(other, ""));
  }

  private Pair email() {
    String local = word(5) + "." + word(4);
    String domain = random.nextBoolean() ? "gmail.com" : "yahoo.com";
    String asked =
        switch (random.nextInt(3)) {
          case 0 -> local.toUpperCase(Locale.ROOT) + "@" + domain.toUpperCase(Locale.ROOT);
          case 1 -> local + "+" + word(3) + "@" + domain;
          default ->
              domain.equals("gmail.com")
                  ? local.replace(".", "") + "@googlemail.com"
                  : " " + local + "@" + domain + " ";
        };
    return new Pair(
        new TargetSelector.Email(local + "@" + domain),
        new TargetSelector.Email(asked),
        new TargetSelector.Email(word(6) + "." + word(3) + "@" + domain));
  }

  private Pair plate() {
    String letters = word(3).toUpperCase(Locale.ROOT).replace('O', 'A').replace('I', 'B');
    String digits = String.format("%03d", random.nextInt(1000));
    return new Pair(
        new TargetSelector.VehiclePlate(letters + digits, "NM"),
        new TargetSelector.VehiclePlate(
            letters.toLowerCase(Locale.ROOT) + "-" + digits, "New Mexico"),
        new TargetSelector.VehiclePlate(
            word(3).toUpperCase(Locale.ROOT) + String.format("%03d", random.nextInt(1000)), "NM"));
  }

  private Pair vin() {
    String vin = validVin();
    String asked =
        vin.substring(0, 3).toLowerCase(Locale.ROOT)
            + " "
            + vin.substring(3, 9)
            + "-"
            + vin.substring(9);
    return new Pair(
        new TargetSelector.VehicleVin(vin),
        new TargetSelector.VehicleVin(asked),
        new TargetSelector.VehicleVin(validVin()));
  }

  private String validVin() {
    String alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    while (true) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < 17; i++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      for (char check : "0123456789X".toCharArray()) {
        b.setCharAt(8, check);
        if (normalizer
            .normalize(new TargetSelector.VehicleVin(b.toString()), "vin", new Violations())
            .isPresent()) {
          return b.toString();
        }
      }
    }
  }

  private Pair address() {
    int number = 100 + random.nextInt(9_000);
    int street = random.nextInt(STREETS.length);
    int suffix = random.nextInt(SUFFIXES.length);
    int direction = random.nextInt(DIRECTIONS.length);
    int unit = 1 + random.nextInt(40);
    String zip = "871" + String.format("%02d", random.nextInt(100));
    PostalAddress registered =
        new PostalAddress(
            List.of(
                number
                    + " "
                    + STREETS[street]
                    + " "
                    + SUFFIXES[suffix]
                    + " "
                    + DIRECTIONS[direction],
                "Apartment " + unit),
            "Albuquerque",
            "NM",
            zip,
            "US");
    PostalAddress asked =
        new PostalAddress(
            List.of(
                (number
                        + " "
                        + STREETS[street]
                        + " "
                        + SHORT[suffix]
                        + ". "
                        + DIRECTIONS_SHORT[direction]
                        + " #"
                        + unit)
                    .toUpperCase(Locale.ROOT)),
            "ALBUQUERQUE",
            "New Mexico",
            zip + "-" + String.format("%04d", random.nextInt(10_000)),
            "");
    PostalAddress unrelated =
        new PostalAddress(
            List.of((number + 1) + " " + STREETS[street] + " " + SUFFIXES[suffix]),
            "Albuquerque",
            "NM",
            zip,
            "US");
    return new Pair(
        new TargetSelector.Address(registered),
        new TargetSelector.Address(asked),
        new TargetSelector.Address(unrelated));
  }

  private Pair handle() {
    String handle = word(4) + "_" + word(3) + random.nextInt(100);
    String asked =
        random.nextBoolean()
            ? "@" + handle.toUpperCase(Locale.ROOT)
            : "https://www.instagram.com/" + handle + "/";
    return new Pair(
        new TargetSelector.SocialHandle("instagram", handle),
        new TargetSelector.SocialHandle(random.nextBoolean() ? "Instagram" : "IG", asked),
        new TargetSelector.SocialHandle("instagram", handle + "x"));
  }

  private Pair wallet() {
    String hex = hex(40);
    return new Pair(
        new TargetSelector.CryptoWallet("ethereum", "0x" + hex),
        new TargetSelector.CryptoWallet("ETH", "0x" + hex.toUpperCase(Locale.ROOT)),
        new TargetSelector.CryptoWallet("ethereum", "0x" + hex(40)));
  }

  private Pair business() {
    String name = capitalized(word(5)) + " " + (random.nextBoolean() ? "Spa" : "Massage");
    return new Pair(
        new TargetSelector.Business(name + " LLC", null),
        new TargetSelector.Business("The " + name.toUpperCase(Locale.ROOT) + ", L.L.C.", null),
        new TargetSelector.Business(capitalized(word(6)) + " Nails", null));
  }

  private String word(int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append((char) ('a' + random.nextInt(26)));
    }
    return b.toString();
  }

  private String hex(int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append("0123456789abcdef".charAt(random.nextInt(16)));
    }
    return b.toString();
  }

  private static String capitalized(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }
}
