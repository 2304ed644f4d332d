package org.taskforce.deconfliction.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.taskforce.deconfliction.domain.BirthDate;
import org.taskforce.deconfliction.domain.TargetSelector.Person;

/**
 * A seeded generator of synthetic New Mexico persons and of the ways other agencies write them
 * down: typos, nicknames, missing or added accents, one or both Spanish surnames, particles,
 * swapped name order, wrong digits or swapped day and month in the date of birth, or no date at
 * all. Names follow a skewed popularity so that common names repeat (hard negatives: same name,
 * different person).
 */
public final class SyntheticPersons {
  static final String[] HISPANIC_MALE = {
    "José",
    "Jesús",
    "Juan",
    "Luis",
    "Carlos",
    "Francisco",
    "Miguel",
    "Antonio",
    "Manuel",
    "Jorge",
    "Alejandro",
    "Roberto",
    "Ricardo",
    "Eduardo",
    "Fernando",
    "Guillermo",
    "Ignacio",
    "Enrique",
    "Rafael",
    "Ramón",
    "Salvador",
    "Santiago",
    "Vicente",
    "Alberto",
    "Arturo",
    "Gerardo",
    "Humberto",
    "Rodolfo",
    "Pedro",
    "Andrés",
    "Joaquín",
    "Rubén",
    "Martín",
    "Óscar",
    "Héctor",
    "Raúl",
    "Sergio",
    "Adrián",
    "Julián",
    "Tomás",
    "Agustín",
    "Esteban",
    "Benito"
  };
  static final String[] HISPANIC_FEMALE = {
    "María",
    "Guadalupe",
    "Rosa",
    "Ana",
    "Josefina",
    "Teresa",
    "Dolores",
    "Margarita",
    "Isabel",
    "Alicia",
    "Rosario",
    "Consuelo",
    "Socorro",
    "Mercedes",
    "Concepción",
    "Carmen",
    "Lucía",
    "Verónica",
    "Yolanda",
    "Angélica",
    "Beatriz",
    "Leticia",
    "Patricia",
    "Adriana",
    "Mónica",
    "Sofía",
    "Valeria",
    "Ximena",
    "Daniela",
    "Gabriela",
    "Natalia",
    "Inés",
    "Elena",
    "Silvia"
  };
  static final String[] ENGLISH = {
    "William",
    "Robert",
    "James",
    "Michael",
    "David",
    "Richard",
    "Thomas",
    "Christopher",
    "Daniel",
    "Matthew",
    "Anthony",
    "Joseph",
    "Charles",
    "Elizabeth",
    "Jennifer",
    "Patricia",
    "Margaret",
    "Catherine",
    "Rebecca",
    "Samantha",
    "Victoria",
    "Nicholas",
    "Jonathan",
    "Kenneth",
    "Timothy",
    "Gregory",
    "Stephen",
    "Ashley",
    "Brittany",
    "Tyler",
    "Kayla",
    "Dylan",
    "Shane",
    "Raymond",
    "Lorenzo",
    "Dwayne",
    "Tanisha",
    "Kimberly",
    "Crystal",
    "Derrick"
  };
  static final String[] HISPANIC_SURNAMES = {
    "García",
    "Martínez",
    "López",
    "Chávez",
    "Sánchez",
    "Romero",
    "Baca",
    "Gallegos",
    "Trujillo",
    "Montoya",
    "Lucero",
    "Aragón",
    "Vigil",
    "Archuleta",
    "Sandoval",
    "Herrera",
    "Ortiz",
    "Jaramillo",
    "Gutiérrez",
    "Hernández",
    "Rodríguez",
    "González",
    "Pérez",
    "Torres",
    "Ramírez",
    "Flores",
    "Morales",
    "Ortega",
    "Castillo",
    "Medina",
    "Mondragón",
    "Padilla",
    "Maestas",
    "Quintana",
    "Salazar",
    "Tafoya",
    "Valdez",
    "Velásquez",
    "Apodaca",
    "Benavídez",
    "Córdova",
    "Durán",
    "Esquibel",
    "Gurulé",
    "Lovato",
    "Madrid",
    "Ulibarrí",
    "Zamora",
    "de la Cruz",
    "de los Santos",
    "del Río",
    "de la Rosa",
    "de León",
    "Ibáñez",
    "Muñoz",
    "Nuñez",
    "Peña",
    "Saavedra",
    "Villanueva",
    "Yáñez",
    "Zúñiga",
    "Carrillo",
    "Domínguez"
  };
  static final String[] OTHER_SURNAMES = {
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Miller",
    "Davis",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Jackson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Walker",
    "Begay",
    "Yazzie",
    "Benally",
    "Tsosie",
    "Nez",
    "Tso",
    "Etsitty",
    "Harvey",
    "Bitsui",
    "Chee",
    "Manygoats",
    "Largo",
    "Peaches",
    "Nguyen",
    "Tran",
    "Pham",
    "Kim",
    "Lee",
    "O'Brien",
    "McDonald",
    "Schneider",
    "Fischer",
    "Weber",
    "Wagner",
    "Becker",
    "Hoffman",
    "Schulz"
  };

  /** Nickname a variant may use instead of the formal given name (from the shipped table). */
  static final String[][] NICKNAMES = {
    {"Jesús", "Chuy"}, {"José", "Pepe"}, {"Guadalupe", "Lupe"}, {"Francisco", "Paco"},
    {"Francisco", "Pancho"}, {"Ignacio", "Nacho"}, {"Eduardo", "Lalo"}, {"Alberto", "Beto"},
    {"Roberto", "Beto"}, {"Enrique", "Kike"}, {"Guillermo", "Memo"}, {"Salvador", "Chava"},
    {"Rosario", "Chayo"}, {"Concepción", "Concha"}, {"Dolores", "Lola"}, {"Consuelo", "Chelo"},
    {"Vicente", "Chente"}, {"Santiago", "Chago"}, {"Socorro", "Coco"}, {"Teresa", "Tere"},
    {"Isabel", "Chabela"}, {"Alicia", "Licha"}, {"Rodolfo", "Fito"}, {"Ramón", "Moncho"},
    {"William", "Bill"}, {"Robert", "Bob"}, {"James", "Jim"}, {"Michael", "Mike"},
    {"Richard", "Rick"}, {"Thomas", "Tom"}, {"Christopher", "Chris"}, {"Daniel", "Danny"},
    {"Matthew", "Matt"}, {"Anthony", "Tony"}, {"Joseph", "Joe"}, {"Charles", "Chuck"},
    {"Elizabeth", "Liz"}, {"Jennifer", "Jenny"}, {"Patricia", "Trish"}, {"Margaret", "Peggy"},
    {"Catherine", "Kate"}, {"Rebecca", "Becky"}, {"Samantha", "Sam"}, {"Nicholas", "Nick"},
    {"Kenneth", "Ken"}, {"Timothy", "Tim"}, {"Gregory", "Greg"}, {"Stephen", "Steve"},
    {"Manuel", "Manolo"}, {"Antonio", "Toño"}, {"Fernando", "Nando"}, {"Ricardo", "Richi"}
  };

  /** What was done to a record to make a variant; the evaluation reports recall per kind. */
  public enum Variation {
    TYPO_SURNAME,
    TYPO_GIVEN,
    NICKNAME,
    DIACRITICS,
    ONE_SURNAME,
    PARTICLE,
    SWAPPED_ORDER,
    DOB_ONE_DIGIT,
    DOB_DAY_MONTH_SWAP,
    DOB_MISSING,
    CASE_AND_SPACING,
    ALIAS_ONLY
  }

  /** A generated variant of a person and the variations applied. */
  public record Variant(Person person, List<Variation> variations) {}

  private final Random random;

  public SyntheticPersons(long seed) {
    this.random = new Random(seed);
  }

  /** {@code count} distinct persons (no two share name and date of birth). */
  public List<Person> persons(int count) {
    List<Person> persons = new ArrayList<>(count);
    Set<String> seen = new HashSet<>();
    while (persons.size() < count) {
      Person p = person();
      String identity =
          String.join(" ", p.givenNames())
              + "/"
              + String.join(" ", p.surnames())
              + "/"
              + p.dateOfBirth();
      if (seen.add(identity.toUpperCase(Locale.ROOT))) {
        persons.add(p);
      }
    }
    return persons;
  }

  /** A different person with the same names (a hard negative): another date of birth. */
  public Person namesake(Person p) {
    BirthDate other;
    do {
      other = birthDate();
    } while (other.equals(p.dateOfBirth()));
    return new Person(p.givenNames(), p.surnames(), List.of(), other);
  }

  private Person person() {
    boolean hispanic = random.nextDouble() < 0.62;
    boolean female = random.nextBoolean();
    String[] givenPool = hispanic ? (female ? HISPANIC_FEMALE : HISPANIC_MALE) : ENGLISH;
    List<String> given = new ArrayList<>();
    given.add(skewed(givenPool));
    if (random.nextDouble() < (hispanic ? 0.3 : 0.15)) {
      String second = skewed(givenPool);
      if (!second.equals(given.getFirst())) {
        given.add(second);
      }
    }
    List<String> surnames = new ArrayList<>();
    if (hispanic) {
      surnames.add(skewed(HISPANIC_SURNAMES));
      if (random.nextDouble() < 0.55) {
        String second = skewed(HISPANIC_SURNAMES);
        if (!second.equals(surnames.getFirst())) {
          surnames.add(second);
        }
      }
    } else {
      surnames.add(random.nextDouble() < 0.2 ? skewed(HISPANIC_SURNAMES) : skewed(OTHER_SURNAMES));
    }
    return new Person(given, surnames, List.of(), birthDate());
  }

  /** How another agency might have written the same person. */
  public Variant variant(Person p) {
    List<Variation> applied = new ArrayList<>();
    List<String> given = new ArrayList<>(p.givenNames());
    List<String> surnames = new ArrayList<>(p.surnames());
    List<String> aliases = new ArrayList<>();
    BirthDate dob = p.dateOfBirth();
    int count = random.nextDouble() < 0.6 ? 1 : 2;
    int attempts = 0;
    while (applied.size() < count && attempts++ < 40) {
      Variation v = weightedVariation();
      if (applied.contains(v)) {
        continue;
      }
      BirthDate before = dob;
      boolean done =
          switch (v) {
            case TYPO_SURNAME -> replaceAny(surnames, this::typo);
            case TYPO_GIVEN -> replaceAny(given, this::typo);
            case NICKNAME -> nickname(given);
            case DIACRITICS ->
                replaceAll(given, SyntheticPersons::stripAccents)
                    | replaceAll(surnames, SyntheticPersons::stripAccents);
            case ONE_SURNAME -> surnames.size() > 1 && surnames.remove(surnames.size() - 1) != null;
            case PARTICLE -> particle(surnames);
            case SWAPPED_ORDER -> !given.isEmpty() && swap(given, surnames);
            case DOB_ONE_DIGIT -> !(dob = oneDigit(dob)).equals(before);
            case DOB_DAY_MONTH_SWAP ->
                dob.day() <= 12
                    && dob.day() != dob.month()
                    && !(dob = new BirthDate(dob.year(), dob.day(), dob.month())).equals(before);
            case DOB_MISSING -> dob.known() && (dob = BirthDate.UNKNOWN) != null;
            case CASE_AND_SPACING ->
                replaceAll(given, n -> "  " + n.toUpperCase(Locale.ROOT) + " ")
                    | replaceAll(surnames, n -> n.toLowerCase(Locale.ROOT));
            case ALIAS_ONLY -> !surnames.isEmpty() && aliasOnly(given, surnames, aliases);
          };
      if (done) {
        applied.add(v);
      }
    }
    return new Variant(new Person(given, surnames, aliases, dob), applied);
  }

  /**
   * How often each variation occurs, per 100 variations: spelling and formatting differences
   * dominate; a missing date of birth or an alias-only record is rarer (a deconfliction check
   * before an arrest or a warrant almost always has the date of birth from records).
   */
  static final int[] WEIGHTS = {15, 15, 10, 12, 8, 5, 5, 8, 5, 4, 10, 3};

  private Variation weightedVariation() {
    int total = java.util.Arrays.stream(WEIGHTS).sum();
    int pick = random.nextInt(total);
    for (int i = 0; i < WEIGHTS.length; i++) {
      pick -= WEIGHTS[i];
      if (pick < 0) {
        return Variation.values()[i];
      }
    }
    throw new IllegalStateException();
  }

  private boolean nickname(List<String> given) {
    for (String[] pair : NICKNAMES) {
      int at = given.indexOf(pair[0]);
      if (at >= 0) {
        given.set(at, pair[1]);
        return true;
      }
    }
    return false;
  }

  private boolean particle(List<String> surnames) {
    for (int i = 0; i < surnames.size(); i++) {
      String s = surnames.get(i);
      if (s.toLowerCase(Locale.ROOT).startsWith("de ")
          || s.toLowerCase(Locale.ROOT).startsWith("del ")) {
        surnames.set(i, s.substring(s.lastIndexOf(' ') + 1)); // "de la Cruz" → "Cruz"
        return true;
      }
    }
    if (surnames.size() == 2 && random.nextBoolean()) {
      surnames.set(0, surnames.get(0) + "-" + surnames.remove(1)); // hyphenated
      return true;
    }
    if (surnames.size() == 2) {
      surnames.add(1, "y"); // "García y Ortiz"
      return true;
    }
    return false;
  }

  private static boolean swap(List<String> given, List<String> surnames) {
    List<String> g = new ArrayList<>(given);
    given.clear();
    given.addAll(surnames);
    surnames.clear();
    surnames.addAll(g);
    return true;
  }

  private boolean aliasOnly(List<String> given, List<String> surnames, List<String> aliases) {
    // Known only by a street name plus surname: "Chuy García", given names left empty.
    for (String[] pair : NICKNAMES) {
      if (given.contains(pair[0])) {
        aliases.add(pair[1] + " " + surnames.getFirst());
        given.clear();
        return true;
      }
    }
    return false;
  }

  private BirthDate oneDigit(BirthDate dob) {
    for (int attempt = 0; attempt < 20; attempt++) {
      char[] digits = dob.compact().toCharArray();
      int at = 2 + random.nextInt(6); // keep the century
      digits[at] = (char) ('0' + random.nextInt(10));
      BirthDate other = BirthDate.parseCompact(new String(digits));
      if (!other.equals(dob) && valid(other)) {
        return other;
      }
    }
    return dob;
  }

  private static boolean valid(BirthDate d) {
    try {
      java.time.LocalDate date = java.time.LocalDate.of(d.year(), d.month(), d.day());
      return date.getYear() >= 1930 && date.getYear() <= 2010;
    } catch (java.time.DateTimeException e) {
      return false;
    }
  }

  private boolean replaceAny(List<String> names, java.util.function.UnaryOperator<String> op) {
    if (names.isEmpty()) {
      return false;
    }
    int at = random.nextInt(names.size());
    String before = names.get(at);
    names.set(at, op.apply(before));
    return !names.get(at).equals(before);
  }

  private static boolean replaceAll(
      List<String> names, java.util.function.UnaryOperator<String> op) {
    boolean changed = false;
    for (int i = 0; i < names.size(); i++) {
      String after = op.apply(names.get(i));
      changed |= !after.equals(names.get(i));
      names.set(i, after);
    }
    return changed;
  }

  /**
   * One keyboard-style error: a letter dropped, doubled, swapped with its neighbour or replaced.
   */
  String typo(String name) {
    String letters = name;
    if (letters.length() < 4) {
      return letters;
    }
    int at = 1 + random.nextInt(letters.length() - 2);
    return switch (random.nextInt(4)) {
      case 0 -> letters.substring(0, at) + letters.substring(at + 1);
      case 1 -> letters.substring(0, at) + letters.charAt(at) + letters.substring(at);
      case 2 ->
          letters.substring(0, at)
              + letters.charAt(at + 1)
              + letters.charAt(at)
              + letters.substring(at + 2);
      default ->
          letters.substring(0, at) + (char) ('a' + random.nextInt(26)) + letters.substring(at + 1);
    };
  }

  static String stripAccents(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "");
  }

  private BirthDate birthDate() {
    java.time.LocalDate start = java.time.LocalDate.of(1955, 1, 1);
    java.time.LocalDate d = start.plusDays(random.nextInt(365 * 52));
    return new BirthDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }

  /**
   * Picks with a Zipf-like skew: the first names of a pool are several times more common than the
   * last (roughly New Mexico's: García or José each a few percent of their group).
   */
  private String skewed(String[] pool) {
    double u = random.nextDouble();
    int index = (int) Math.floor(pool.length * Math.pow(u, 1.4));
    return pool[Math.min(index, pool.length - 1)];
  }

  public Random random() {
    return random;
  }
}
