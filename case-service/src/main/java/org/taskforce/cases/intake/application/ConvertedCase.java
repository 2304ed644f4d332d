package org.taskforce.cases.intake.application;

import java.util.List;
import org.taskforce.cases.application.CaseDetails;
import org.taskforce.cases.application.Victims;
import org.taskforce.cases.domain.CaseType;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.cases.intake.domain.TipPerson;

/** What a case opened from a tip says, and how a possible victim of the tip is recorded there. */
final class ConvertedCase {
  private ConvertedCase() {}

  static CaseDetails details(Tip t, String title) {
    return new CaseDetails(
        title.strip(),
        type(t),
        t.report().location().state().isEmpty()
            ? List.of()
            : List.of(t.report().location().state()),
        summary(t),
        null,
        List.copyOf(t.report().industries()));
  }

  /** A victim record as the tip describes the person: a name, or the description. */
  static Victims.Fields victim(TipPerson p, int i) {
    String name = !p.name().isEmpty() ? p.name() : p.description();
    if (name.isEmpty()) {
      name = "Possible victim " + (i + 1);
    } else if (name.length() > 200) {
      name = name.substring(0, 199) + "…";
    }
    boolean minor = p.approximateAge() > 0 && p.approximateAge() < 18;
    return new Victims.Fields(name, null, "", minor, List.of(), false);
  }

  private static CaseType type(Tip t) {
    return switch (t.report().kind()) {
      case SEX -> CaseType.SEX_TRAFFICKING;
      case LABOR -> CaseType.LABOR_TRAFFICKING;
      case BOTH -> CaseType.SEX_AND_LABOR;
      case UNKNOWN -> CaseType.OTHER;
    };
  }

  /** What participants read: never the narrative, the persons or the reporter. */
  private static String summary(Tip t) {
    StringBuilder s =
        new StringBuilder("Opened from tip ")
            .append(t.id())
            .append(" (")
            .append(t.report().source())
            .append(", received ")
            .append(t.report().received())
            .append(")");
    if (!t.report().industries().isEmpty()) {
      s.append("; industries: ")
          .append(
              String.join(
                  ", ", t.report().industries().stream().map(Enum::name).sorted().toList()));
    }
    if (!t.report().indicators().isEmpty()) {
      s.append("; indicators: ")
          .append(
              String.join(
                  ", ", t.report().indicators().stream().map(Enum::name).sorted().toList()));
    }
    return s.append('.').toString();
  }
}
