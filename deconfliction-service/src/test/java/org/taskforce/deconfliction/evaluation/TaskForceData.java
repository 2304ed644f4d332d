package org.taskforce.deconfliction.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.taskforce.deconfliction.domain.BirthDate;
import org.taskforce.deconfliction.domain.PostalAddress;
import org.taskforce.deconfliction.domain.TargetSelector;

/**
 * A seeded task force's registrations, written independently of the matching rules: a New Mexico
 * population living in households, some in motels and shelters (hubs that many unrelated persons
 * share), with family phones and shelter phones; names drawn with the frequency shapes of published
 * tables; and eight agencies that each register some of these persons the way their records have
 * them — with typos, nicknames and short forms, the English form of a Spanish given name or the
 * reverse, dropped accents and surnames, swapped order, missing dates of birth and the date errors
 * people really make (a wrong digit, a year off by one across a decade, day and month swapped).
 *
 * <p>Name frequencies: given names follow the shape of the US Census Bureau's 1990 first-name
 * frequency lists (James 3.3 %, John 3.3 %, Mary 2.6 % … of their sex), Hispanic given names the
 * shape reported for US Hispanic births and adults (José about 4 %, Juan 2.6 %, María about 5 % as
 * a first token), surnames the US Census Bureau's 2010 surname table (Smith 0.83 %, Johnson 0.66 %
 * …; among Hispanic persons García 2.3 %, Rodríguez 2.1 %, Martínez 2.0 % …). The published heads
 * are listed with their shares; the rest of each distribution is a long Zipf-shaped tail of rarer
 * names, so that namesakes are as common as in a real registry. The shares are rounded and some New
 * Mexico surnames (Baca, Trujillo, Montoya…) and Navajo surnames (Begay, Yazzie…) are added with
 * regional weight; this is a shape, not a census.
 */
final class TaskForceData {

  /** Name and share in percent of its group; the tail gets the remainder. */
  private record Weighted(String name, double percent) {}

  private static List<Weighted> table(Object... pairs) {
    List<Weighted> list = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      list.add(new Weighted((String) pairs[i], ((Number) pairs[i + 1]).doubleValue()));
    }
    return list;
  }

  // US Census 1990, male first names (percent of males), head of the list.
  static final List<Weighted> US_MALE =
      table(
          "James",
          3.318,
          "John",
          3.271,
          "Robert",
          3.143,
          "Michael",
          2.629,
          "William",
          2.451,
          "David",
          2.363,
          "Richard",
          1.703,
          "Charles",
          1.523,
          "Joseph",
          1.404,
          "Thomas",
          1.380,
          "Christopher",
          1.035,
          "Daniel",
          0.974,
          "Paul",
          0.948,
          "Mark",
          0.938,
          "Donald",
          0.931,
          "George",
          0.927,
          "Kenneth",
          0.826,
          "Steven",
          0.780,
          "Edward",
          0.779,
          "Brian",
          0.736,
          "Ronald",
          0.725,
          "Anthony",
          0.721,
          "Kevin",
          0.671,
          "Jason",
          0.660,
          "Matthew",
          0.657,
          "Gary",
          0.650,
          "Timothy",
          0.640,
          "Larry",
          0.598,
          "Jeffrey",
          0.591,
          "Frank",
          0.581,
          "Scott",
          0.546,
          "Eric",
          0.544,
          "Stephen",
          0.540,
          "Andrew",
          0.537,
          "Raymond",
          0.488,
          "Gregory",
          0.441,
          "Joshua",
          0.435,
          "Jerry",
          0.432,
          "Dennis",
          0.415,
          "Walter",
          0.399,
          "Patrick",
          0.389,
          "Peter",
          0.381,
          "Harold",
          0.371,
          "Douglas",
          0.367,
          "Henry",
          0.365,
          "Carl",
          0.346,
          "Arthur",
          0.335,
          "Ryan",
          0.328,
          "Roger",
          0.322,
          "Albert",
          0.282,
          "Samuel",
          0.281,
          "Benjamin",
          0.270,
          "Lawrence",
          0.226,
          "Nicholas",
          0.215,
          "Alexander",
          0.192,
          "Tyler",
          0.150,
          "Dylan",
          0.120);

  // US Census 1990, female first names (percent of females), head of the list.
  static final List<Weighted> US_FEMALE =
      table(
          "Mary",
          2.629,
          "Patricia",
          1.073,
          "Linda",
          1.035,
          "Barbara",
          0.980,
          "Elizabeth",
          0.937,
          "Jennifer",
          0.932,
          "Susan",
          0.794,
          "Margaret",
          0.768,
          "Dorothy",
          0.727,
          "Lisa",
          0.704,
          "Nancy",
          0.669,
          "Karen",
          0.667,
          "Betty",
          0.666,
          "Helen",
          0.663,
          "Sandra",
          0.629,
          "Donna",
          0.583,
          "Carol",
          0.565,
          "Ruth",
          0.562,
          "Sharon",
          0.522,
          "Michelle",
          0.519,
          "Laura",
          0.510,
          "Sarah",
          0.508,
          "Kimberly",
          0.504,
          "Deborah",
          0.494,
          "Jessica",
          0.490,
          "Shirley",
          0.482,
          "Cynthia",
          0.469,
          "Angela",
          0.468,
          "Melissa",
          0.462,
          "Brenda",
          0.455,
          "Amy",
          0.451,
          "Anna",
          0.440,
          "Rebecca",
          0.430,
          "Virginia",
          0.430,
          "Kathleen",
          0.424,
          "Pamela",
          0.416,
          "Martha",
          0.412,
          "Debra",
          0.408,
          "Amanda",
          0.404,
          "Stephanie",
          0.400,
          "Catherine",
          0.300,
          "Samantha",
          0.200,
          "Ashley",
          0.250,
          "Crystal",
          0.200);

  // US Hispanic men (percent), rounded shape.
  static final List<Weighted> HISPANIC_MALE =
      table(
          "José",
          4.0,
          "Juan",
          2.6,
          "Luis",
          1.6,
          "Carlos",
          1.6,
          "Jesús",
          1.3,
          "Miguel",
          1.1,
          "Jorge",
          1.0,
          "Francisco",
          1.0,
          "Antonio",
          0.9,
          "Manuel",
          0.9,
          "Pedro",
          0.7,
          "Alejandro",
          0.7,
          "Ricardo",
          0.6,
          "Roberto",
          0.6,
          "Mario",
          0.6,
          "Fernando",
          0.6,
          "Eduardo",
          0.6,
          "Javier",
          0.6,
          "Rafael",
          0.5,
          "Daniel",
          0.5,
          "Ramón",
          0.5,
          "Raúl",
          0.5,
          "Sergio",
          0.5,
          "Víctor",
          0.5,
          "Arturo",
          0.45,
          "Rubén",
          0.4,
          "Héctor",
          0.4,
          "Óscar",
          0.4,
          "Guillermo",
          0.4,
          "Enrique",
          0.4,
          "Alberto",
          0.4,
          "Salvador",
          0.35,
          "Armando",
          0.35,
          "Ignacio",
          0.3,
          "Gerardo",
          0.3,
          "Alfredo",
          0.3,
          "Andrés",
          0.3,
          "Julio",
          0.3,
          "Ernesto",
          0.3,
          "Pablo",
          0.3,
          "Lorenzo",
          0.25,
          "Esteban",
          0.25,
          "Tomás",
          0.25,
          "Rodolfo",
          0.25,
          "Santiago",
          0.2,
          "Joaquín",
          0.2,
          "Gilberto",
          0.2,
          "Refugio",
          0.15);

  // US Hispanic women (percent), rounded shape.
  static final List<Weighted> HISPANIC_FEMALE =
      table(
          "María",
          5.0,
          "Ana",
          1.3,
          "Rosa",
          1.1,
          "Guadalupe",
          0.9,
          "Juana",
          0.7,
          "Carmen",
          0.7,
          "Martha",
          0.7,
          "Laura",
          0.7,
          "Elizabeth",
          0.6,
          "Patricia",
          0.6,
          "Verónica",
          0.6,
          "Jessica",
          0.6,
          "Yolanda",
          0.5,
          "Silvia",
          0.5,
          "Adriana",
          0.5,
          "Alicia",
          0.5,
          "Teresa",
          0.5,
          "Leticia",
          0.5,
          "Blanca",
          0.4,
          "Gloria",
          0.4,
          "Margarita",
          0.4,
          "Isabel",
          0.35,
          "Josefina",
          0.3,
          "Dolores",
          0.3,
          "Rosario",
          0.3,
          "Consuelo",
          0.25,
          "Catalina",
          0.25,
          "Lucía",
          0.25,
          "Concepción",
          0.2,
          "Esperanza",
          0.2,
          "Graciela",
          0.2);

  // US Census 2010 surnames (percent of the population), head of the list.
  static final List<Weighted> US_SURNAMES =
      table(
          "Smith",
          0.828,
          "Johnson",
          0.655,
          "Williams",
          0.550,
          "Brown",
          0.487,
          "Jones",
          0.483,
          "Miller",
          0.381,
          "Davis",
          0.377,
          "Wilson",
          0.228,
          "Anderson",
          0.227,
          "Thomas",
          0.225,
          "Taylor",
          0.224,
          "Moore",
          0.211,
          "Jackson",
          0.210,
          "Martin",
          0.209,
          "Lee",
          0.207,
          "Thompson",
          0.199,
          "White",
          0.199,
          "Harris",
          0.187,
          "Clark",
          0.170,
          "Lewis",
          0.167,
          "Robinson",
          0.164,
          "Walker",
          0.163,
          "Young",
          0.151,
          "Allen",
          0.150,
          "King",
          0.149,
          "Wright",
          0.148,
          "Scott",
          0.143,
          "Hill",
          0.139,
          "Green",
          0.134,
          "Adams",
          0.133,
          "Baker",
          0.129,
          "Nelson",
          0.125,
          "Hall",
          0.124,
          "Campbell",
          0.121,
          "Mitchell",
          0.121,
          "Carter",
          0.118,
          "Roberts",
          0.117,
          "Phillips",
          0.104,
          "Evans",
          0.102,
          "Turner",
          0.101,
          // Navajo surnames, with New Mexico weight.
          "Begay",
          0.5,
          "Yazzie",
          0.35,
          "Benally",
          0.25,
          "Tsosie",
          0.2,
          "Nez",
          0.15,
          "Chee",
          0.12,
          "Etsitty",
          0.08,
          "Manygoats",
          0.05);

  // US Census 2010, Hispanic surnames (percent of Hispanic persons), plus New Mexico names.
  static final List<Weighted> HISPANIC_SURNAMES =
      table(
          "García",
          2.3,
          "Rodríguez",
          2.1,
          "Martínez",
          2.0,
          "Hernández",
          2.0,
          "López",
          1.7,
          "González",
          1.6,
          "Pérez",
          1.2,
          "Sánchez",
          1.2,
          "Ramírez",
          1.1,
          "Torres",
          0.9,
          "Flores",
          0.9,
          "Rivera",
          0.9,
          "Gómez",
          0.8,
          "Díaz",
          0.8,
          "Morales",
          0.7,
          "Reyes",
          0.7,
          "Cruz",
          0.7,
          "Ortiz",
          0.6,
          "Gutiérrez",
          0.6,
          "Chávez",
          0.6,
          "Ramos",
          0.6,
          "Romero",
          0.5,
          "Ruiz",
          0.5,
          "Álvarez",
          0.5,
          "Mendoza",
          0.5,
          "Vásquez",
          0.4,
          "Castillo",
          0.4,
          "Jiménez",
          0.4,
          "Moreno",
          0.4,
          "Herrera",
          0.4,
          "Medina",
          0.4,
          "Aguilar",
          0.4,
          "Vargas",
          0.3,
          "Guzmán",
          0.3,
          "Baca",
          0.4,
          "Gallegos",
          0.35,
          "Trujillo",
          0.4,
          "Montoya",
          0.4,
          "Lucero",
          0.35,
          "Aragón",
          0.3,
          "Vigil",
          0.3,
          "Archuleta",
          0.25,
          "Sandoval",
          0.35,
          "Jaramillo",
          0.25,
          "Padilla",
          0.3,
          "Maestas",
          0.2,
          "Quintana",
          0.2,
          "Salazar",
          0.3,
          "Tafoya",
          0.2,
          "Valdez",
          0.3,
          "Córdova",
          0.25,
          "Durán",
          0.25,
          "de la Cruz",
          0.2,
          "de los Santos",
          0.1,
          "del Río",
          0.1,
          "Mondragón",
          0.15);

  /**
   * The English form of a Spanish given name or the reverse, as records write it: the same person
   * appears as José in one agency's records and as Joseph in another's. Written from usage, not
   * from the service's table.
   */
  static final String[][] OTHER_LANGUAGE = {
    {"José", "Joseph"},
    {"Juan", "John"},
    {"Guillermo", "William"},
    {"Enrique", "Henry"},
    {"Pedro", "Peter"},
    {"Pablo", "Paul"},
    {"Miguel", "Michael"},
    {"Carlos", "Charles"},
    {"Francisco", "Frank"},
    {"Antonio", "Anthony"},
    {"Eduardo", "Edward"},
    {"Ricardo", "Richard"},
    {"Roberto", "Robert"},
    {"Alberto", "Albert"},
    {"Andrés", "Andrew"},
    {"Esteban", "Steven"},
    {"Tomás", "Thomas"},
    {"Jorge", "George"},
    {"Luis", "Louis"},
    {"Alejandro", "Alexander"},
    {"María", "Mary"},
    {"Juana", "Jane"},
    {"Teresa", "Theresa"},
    {"Catalina", "Catherine"},
    {"Margarita", "Margaret"},
    {"Josefina", "Josephine"},
    {"Isabel", "Elizabeth"},
    {"Lucía", "Lucy"},
    {"Ana", "Anna"},
    {"Rafael", "Raphael"},
    {"Joseph", "José"},
    {"John", "Juan"},
    {"William", "Guillermo"},
    {"Henry", "Enrique"},
    {"Michael", "Miguel"},
    {"Peter", "Pedro"},
    {"Mary", "María"},
    {"Lawrence", "Lorenzo"},
    {"Albert", "Alberto"},
    {"Edward", "Eduardo"},
    {"Stephen", "Esteban"},
    {"Charles", "Carlos"},
    {"Thomas", "Tomás"}
  };

  /** Nicknames and short forms, as records write them. */
  static final String[][] SHORT_FORMS = {
    {"Jessica", "Jess"},
    {"Jessica", "Jessie"},
    {"Alberto", "Al"},
    {"Alberto", "Beto"},
    {"Eduardo", "Eddie"},
    {"Eduardo", "Lalo"},
    {"Lorenzo", "Enzo"},
    {"William", "Bill"},
    {"William", "Will"},
    {"Robert", "Bob"},
    {"Robert", "Rob"},
    {"James", "Jim"},
    {"James", "Jimmy"},
    {"Michael", "Mike"},
    {"Richard", "Rick"},
    {"Richard", "Dick"},
    {"Joseph", "Joe"},
    {"Christopher", "Chris"},
    {"Daniel", "Dan"},
    {"Anthony", "Tony"},
    {"Elizabeth", "Liz"},
    {"Elizabeth", "Beth"},
    {"Jennifer", "Jen"},
    {"Patricia", "Patty"},
    {"Francisco", "Paco"},
    {"Francisco", "Pancho"},
    {"José", "Pepe"},
    {"Jesús", "Chuy"},
    {"Guadalupe", "Lupe"},
    {"Enrique", "Kike"},
    {"Guillermo", "Memo"},
    {"Ignacio", "Nacho"},
    {"Roberto", "Beto"},
    {"Manuel", "Manny"},
    {"Alejandro", "Alex"},
    {"Ramón", "Moncho"},
    {"Refugio", "Cuco"},
    {"Kimberly", "Kim"},
    {"Melissa", "Missy"},
    {"Rebecca", "Becky"},
    {"Samantha", "Sam"},
    {"Thomas", "Tom"},
    {"Kathleen", "Kathy"},
    {"Margaret", "Maggie"},
    {"Deborah", "Debbie"},
    {"Steven", "Steve"},
    {"Timothy", "Tim"},
    {"Gregory", "Greg"},
    {"Douglas", "Doug"},
    {"Raymond", "Ray"},
    {"Gerardo", "Jerry"},
    {"Alfredo", "Freddy"},
    {"Fernando", "Nando"},
    {"Armando", "Mando"},
    {"Rosario", "Chayo"},
    {"Concepción", "Concha"},
    {"Dolores", "Lola"},
    {"Santiago", "Chago"},
    {"Salvador", "Chava"},
    {"Kenneth", "Ken"},
    {"Donald", "Don"},
    {"Ronald", "Ron"},
    {"Benjamin", "Ben"},
    {"Nicholas", "Nick"},
    {"Alexander", "Alex"},
    {"Samuel", "Sam"},
    {"Pamela", "Pam"},
    {"Amanda", "Mandy"},
    {"Cynthia", "Cindy"},
    {"Barbara", "Barb"},
    {"Susan", "Sue"},
    {"Dorothy", "Dot"},
    {"Virginia", "Ginny"},
    {"Stephanie", "Steph"},
    {"Catherine", "Cathy"}
  };

  /** A person as they are; registrations are what agencies write about them. */
  record Person(
      int id,
      List<String> given,
      List<String> surnames,
      BirthDate dob,
      String phone,
      String email,
      String plate,
      PostalAddress address,
      boolean hispanic) {}

  /** One agency's registration; {@code person} −1 for a place (an address with no person). */
  record Registration(
      String id, String agency, int person, int place, List<TargetSelector> selectors) {
    boolean hasPerson() {
      return person >= 0;
    }

    BirthDate dob() {
      for (TargetSelector s : selectors) {
        if (s instanceof TargetSelector.Person p) {
          return p.dateOfBirth();
        }
      }
      return BirthDate.UNKNOWN;
    }
  }

  static final String[] AGENCIES = {
    "nm-ago", "apd", "bcso", "nmsp", "fbi-abq", "hsi-abq", "lcpd", "navajo-ps"
  };

  private static final String[] STREETS = {
    "Central",
    "Coors",
    "Isleta",
    "San Mateo",
    "Menaul",
    "Zuni",
    "Lomas",
    "Montgomery",
    "Gibson",
    "Candelaria",
    "Juan Tabo",
    "Tramway",
    "Eubank",
    "Wyoming",
    "Louisiana",
    "Carlisle",
    "Girard",
    "Yale",
    "Broadway",
    "Rio Grande",
    "Fourth",
    "Second",
    "Bridge",
    "Atrisco",
    "Unser",
    "Paseo"
  };
  private static final String[] SUFFIX = {"St", "Ave", "Blvd", "Rd", "Dr"};
  private static final String[] QUADRANT = {"NE", "NW", "SE", "SW"};
  private static final String[] CITIES = {
    "Albuquerque", "Las Cruces", "Santa Fe", "Gallup", "Farmington", "Roswell", "Española"
  };
  private static final String[] ZIPS = {
    "87102", "88001", "87501", "87301", "87401", "88201", "87532"
  };

  final List<Person> persons = new ArrayList<>();
  final List<Registration> registrations = new ArrayList<>();

  /** Hub addresses (motels, shelters) and hub phones (a shelter's, a reseller's). */
  final List<PostalAddress> hubAddresses = new ArrayList<>();

  final List<String> hubPhones = new ArrayList<>();

  private final Random random;

  TaskForceData(long seed, int people) {
    this.random = new Random(seed);
    int hubs = Math.max(4, people / 300);
    for (int i = 0; i < hubs; i++) {
      hubAddresses.add(address());
    }
    for (int i = 0; i < Math.max(2, hubs / 3); i++) {
      hubPhones.add(phone());
    }
    while (persons.size() < people) {
      household();
    }
    for (Person p : persons) {
      registerPerson(p);
    }
    // Some agencies register the motels and shelters themselves: the place is the target.
    for (int h = 0; h < hubAddresses.size(); h++) {
      int times = random.nextDouble() < 0.5 ? 1 : 2 + random.nextInt(2);
      List<String> agencies = agencies(times);
      for (String agency : agencies) {
        registrations.add(
            new Registration(
                "place-" + h + "-" + agency,
                agency,
                -1,
                h,
                List.of(new TargetSelector.Address(hubAddresses.get(h)))));
      }
    }
    Collections.shuffle(registrations, random);
  }

  /** A household: members share the address, often the surname and sometimes one phone. */
  private void household() {
    boolean hispanic = random.nextDouble() < 0.5;
    int size = 1 + (random.nextDouble() < 0.45 ? 0 : random.nextInt(4));
    // A few percent stay at a motel or shelter instead: unrelated persons sharing an address.
    boolean atHub = random.nextDouble() < 0.12;
    PostalAddress home = atHub ? hubAddresses.get(random.nextInt(hubAddresses.size())) : address();
    if (atHub) {
      size = 1;
    }
    String familyPhone = random.nextDouble() < 0.35 ? phone() : null;
    List<String> familySurnames = surnames(hispanic);
    for (int m = 0; m < size && persons.size() < Integer.MAX_VALUE; m++) {
      boolean female = random.nextBoolean();
      List<String> surnames =
          m == 0 || random.nextDouble() < 0.8 ? familySurnames : surnames(hispanic);
      String phone;
      if (atHub && random.nextDouble() < 0.3) {
        phone = hubPhones.get(random.nextInt(hubPhones.size()));
      } else if (familyPhone != null && random.nextDouble() < 0.7) {
        phone = familyPhone;
      } else {
        phone = random.nextDouble() < 0.75 ? phone() : null;
      }
      persons.add(
          new Person(
              persons.size(),
              given(hispanic, female),
              surnames,
              birthDate(),
              phone,
              random.nextDouble() < 0.35
                  ? "u" + persons.size() + "x" + random.nextInt(999) + "@gmail.com"
                  : null,
              random.nextDouble() < 0.25 ? plate() : null,
              home,
              hispanic));
    }
  }

  private void registerPerson(Person p) {
    double u = random.nextDouble();
    int times = u < 0.60 ? 1 : u < 0.88 ? 2 : u < 0.97 ? 3 : 4;
    for (String agency : agencies(times)) {
      List<TargetSelector> selectors = new ArrayList<>();
      selectors.add(written(p));
      if (p.phone() != null && random.nextDouble() < 0.55) {
        selectors.add(new TargetSelector.Phone(phoneFormat(p.phone()), "US"));
      }
      if (random.nextDouble() < 0.5) {
        selectors.add(new TargetSelector.Address(p.address()));
      }
      if (p.email() != null && random.nextDouble() < 0.4) {
        selectors.add(new TargetSelector.Email(p.email()));
      }
      if (p.plate() != null && random.nextDouble() < 0.35) {
        selectors.add(new TargetSelector.VehiclePlate(p.plate(), "NM"));
      }
      registrations.add(
          new Registration("t-" + p.id() + "-" + agency, agency, p.id(), -1, selectors));
    }
  }

  private List<String> agencies(int count) {
    List<String> all = new ArrayList<>(List.of(AGENCIES));
    Collections.shuffle(all, random);
    return all.subList(0, count);
  }

  /** How one agency's records write a person. */
  private TargetSelector.Person written(Person p) {
    List<String> given = new ArrayList<>(p.given());
    List<String> surnames = new ArrayList<>(p.surnames());
    double u = random.nextDouble();
    if (u < 0.07) {
      otherForm(given, OTHER_LANGUAGE);
    } else if (u < 0.17) {
      otherForm(given, SHORT_FORMS);
    } else if (u < 0.22) {
      typo(given);
    }
    if (random.nextDouble() < 0.06) {
      typo(surnames);
    }
    if (given.size() > 1 && random.nextDouble() < 0.35) {
      given.remove(1); // the middle name left out
    }
    if (surnames.size() > 1 && random.nextDouble() < 0.3) {
      surnames.remove(1); // the second surname left out
    } else if (surnames.size() > 1 && random.nextDouble() < 0.1) {
      surnames = new ArrayList<>(List.of(surnames.get(0) + "-" + surnames.get(1)));
    }
    if (random.nextDouble() < 0.4) {
      given.replaceAll(SyntheticPersons::stripAccents);
      surnames.replaceAll(SyntheticPersons::stripAccents);
    }
    if (random.nextDouble() < 0.2) {
      given.replaceAll(n -> n.toUpperCase(Locale.ROOT));
      surnames.replaceAll(n -> n.toUpperCase(Locale.ROOT));
    }
    if (random.nextDouble() < 0.02) {
      List<String> g = given;
      given = surnames;
      surnames = g;
    }
    return new TargetSelector.Person(given, surnames, List.of(), writtenDate(p.dob()));
  }

  private BirthDate writtenDate(BirthDate dob) {
    double u = random.nextDouble();
    if (u < 0.12) {
      return BirthDate.UNKNOWN;
    }
    if (u < 0.14) {
      return new BirthDate(dob.year(), 0, 0);
    }
    if (u < 0.18) {
      // A year off by one: 1969 for 1970 as often as 1987 for 1988.
      BirthDate other =
          new BirthDate(dob.year() + (random.nextBoolean() ? 1 : -1), dob.month(), dob.day());
      return valid(other) ? other : dob;
    }
    if (u < 0.22) {
      for (int attempt = 0; attempt < 20; attempt++) {
        char[] digits = dob.compact().toCharArray();
        int at = 2 + random.nextInt(6);
        digits[at] = (char) ('0' + random.nextInt(10));
        BirthDate other = BirthDate.parseCompact(new String(digits));
        if (!other.equals(dob) && valid(other)) {
          return other;
        }
      }
      return dob;
    }
    if (u < 0.25 && dob.day() <= 12 && dob.day() != dob.month()) {
      return new BirthDate(dob.year(), dob.day(), dob.month());
    }
    return dob;
  }

  private static boolean valid(BirthDate d) {
    try {
      java.time.LocalDate.of(d.year(), d.month(), d.day());
      return d.year() >= 1930 && d.year() <= 2010;
    } catch (java.time.DateTimeException e) {
      return false;
    }
  }

  private void otherForm(List<String> given, String[][] forms) {
    List<String[]> options = new ArrayList<>();
    for (String[] f : forms) {
      if (!given.isEmpty() && given.getFirst().equals(f[0])) {
        options.add(f);
      }
    }
    if (!options.isEmpty()) {
      given.set(0, options.get(random.nextInt(options.size()))[1]);
    }
  }

  private void typo(List<String> names) {
    int at = random.nextInt(names.size());
    String name = names.get(at);
    if (name.length() < 4) {
      return;
    }
    int i = 1 + random.nextInt(name.length() - 2);
    names.set(
        at,
        switch (random.nextInt(4)) {
          case 0 -> name.substring(0, i) + name.substring(i + 1);
          case 1 -> name.substring(0, i) + name.charAt(i) + name.substring(i);
          case 2 ->
              name.substring(0, i) + name.charAt(i + 1) + name.charAt(i) + name.substring(i + 2);
          default ->
              name.substring(0, i) + (char) ('a' + random.nextInt(26)) + name.substring(i + 1);
        });
  }

  private List<String> given(boolean hispanic, boolean female) {
    List<Weighted> table =
        hispanic ? (female ? HISPANIC_FEMALE : HISPANIC_MALE) : (female ? US_FEMALE : US_MALE);
    List<String> given = new ArrayList<>();
    given.add(draw(table, female ? "GF" : "GM"));
    if (random.nextDouble() < (hispanic ? 0.35 : 0.2)) {
      String second = draw(table, female ? "GF" : "GM");
      if (!second.equals(given.getFirst())) {
        given.add(second);
      }
    }
    return given;
  }

  private List<String> surnames(boolean hispanic) {
    List<String> surnames = new ArrayList<>();
    if (hispanic) {
      surnames.add(draw(HISPANIC_SURNAMES, "SH"));
      if (random.nextDouble() < 0.5) {
        String second = draw(HISPANIC_SURNAMES, "SH");
        if (!second.equals(surnames.getFirst())) {
          surnames.add(second);
        }
      }
    } else {
      surnames.add(draw(US_SURNAMES, "SU"));
    }
    return surnames;
  }

  /**
   * A name from a table's head with its published share, otherwise from the tail: invented rarer
   * names whose weights continue the head's Zipf curve (rank r after a head of h names has weight
   * 1/(h + r), over 4,000 ranks), so that the commonest invented name is about as common as the
   * last names of the head, as in the published tables.
   */
  private String draw(List<Weighted> table, String tail) {
    double u = random.nextDouble() * 100;
    for (Weighted w : table) {
      u -= w.percent();
      if (u < 0) {
        return w.name();
      }
    }
    int head = table.size();
    double total = 0;
    for (int r = 1; r <= TAIL_RANKS; r++) {
      total += 1.0 / (head + r);
    }
    double v = random.nextDouble() * total;
    int rank = 1;
    while (rank < TAIL_RANKS && (v -= 1.0 / (head + rank)) > 0) {
      rank++;
    }
    return invented(tail, rank);
  }

  private static final int TAIL_RANKS = 4_000;

  private static final String[] ONSETS = {
    "B", "C", "D", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "T", "V", "W", "Z", "Br",
    "Ch", "Cr", "Gr", "Tr", "St", "Sh"
  };
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ei", "ia", "io"};
  private static final String[] CODAS = {"", "n", "r", "s", "l", "t", "nd", "rt", "z", "m"};

  /** A pronounceable invented name, the same for the same tail and rank. */
  private static String invented(String tail, int rank) {
    Random r = new Random(tail.hashCode() * 31L + rank);
    StringBuilder b = new StringBuilder();
    int syllables = 2 + r.nextInt(2);
    for (int i = 0; i < syllables; i++) {
      b.append(ONSETS[r.nextInt(ONSETS.length)].toLowerCase(Locale.ROOT));
      b.append(VOWELS[r.nextInt(VOWELS.length)]);
      if (i == syllables - 1 || r.nextBoolean()) {
        b.append(CODAS[r.nextInt(CODAS.length)]);
      }
    }
    return Character.toUpperCase(b.charAt(0)) + b.substring(1);
  }

  private BirthDate birthDate() {
    java.time.LocalDate d = java.time.LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 58));
    return new BirthDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }

  private String phone() {
    return (random.nextBoolean() ? "505" : "575")
        + (200 + random.nextInt(800))
        + String.format("%04d", random.nextInt(10_000));
  }

  private String phoneFormat(String digits) {
    return switch (random.nextInt(3)) {
      case 0 ->
          "(" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6);
      case 1 -> digits.substring(0, 3) + "." + digits.substring(3, 6) + "." + digits.substring(6);
      default -> "+1" + digits;
    };
  }

  private String plate() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      b.append((char) ('A' + random.nextInt(26)));
    }
    return b.append(100 + random.nextInt(900)).toString();
  }

  private PostalAddress address() {
    int city = random.nextInt(CITIES.length);
    return new PostalAddress(
        List.of(
            (100 + random.nextInt(9900))
                + " "
                + STREETS[random.nextInt(STREETS.length)]
                + " "
                + SUFFIX[random.nextInt(SUFFIX.length)]
                + " "
                + QUADRANT[random.nextInt(QUADRANT.length)]),
        CITIES[city],
        "NM",
        ZIPS[city],
        "US");
  }
}
