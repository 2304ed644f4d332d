package org.taskforce.cases.intake.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Test data: a citizen's tip report that holds only what relates tips to each other. */
public final class TipReports {
  private TipReports() {}

  /**
   * A citizen's report of 30 November 2026 naming {@code where}, {@code persons} and {@code ids}.
   */
  public static TipReport report(
      TipLocation where, List<TipPerson> persons, List<TipIdentifier> ids) {
    return new TipReport(
        TipSource.CITIZEN,
        "",
        Instant.parse("2026-11-30T10:00:00Z"),
        "",
        where,
        "",
        persons,
        ids,
        TraffickingKind.UNKNOWN,
        Set.of(),
        Set.of(),
        "");
  }
}
