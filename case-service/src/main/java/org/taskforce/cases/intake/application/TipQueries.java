package org.taskforce.cases.intake.application;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.taskforce.cases.application.CaseStore;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.intake.domain.RelationKeys;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.cases.intake.domain.TipSource;
import org.taskforce.cases.intake.domain.TipStatus;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Reading tips: one, a list, the related ones, and the outcome records of a source. Lists select
 * only what the caller's agency may see, so counts and pages reveal nothing else.
 */
public final class TipQueries {
  private final TipStore store;
  private final TipAudit audit;
  private final CaseStore cases;

  public TipQueries(TipStore store, TipAudit audit, CaseStore cases) {
    this.store = store;
    this.audit = audit;
    this.cases = cases;
  }

  /**
   * {@code t} as {@code reader} may see it: the case it was linked to or opened as (its id, what
   * was carried there) only for an agency active on that case; anyone else sees that it was linked
   * or converted, never which case.
   */
  public Tip asSeenBy(AgencyPrincipal reader, Tip t) {
    String caseId = t.triage().caseId();
    if (caseId.isEmpty()
        || cases.get(caseId).flatMap(c -> c.activeRole(reader.agencyId())).isPresent()) {
      return t;
    }
    return t.withoutCase();
  }

  public Tip get(AgencyPrincipal caller, String tipId) {
    return audit.guarded(
        caller,
        tipId,
        "TIP_READ",
        () -> {
          Tip t = TipAccess.visible(load(tipId), caller);
          audit.success(caller, tipId, "TIP_READ", "read");
          return t;
        });
  }

  public Page<Tip> list(
      AgencyPrincipal caller,
      Set<TipStatus> statuses,
      Set<TipSource> sources,
      boolean urgentOnly,
      int pageSize,
      String pageToken) {
    TipAccess.requireReader(caller);
    Page<Tip> page =
        store.list(
            new TipQuery(caller.agencyId(), statuses, sources, urgentOnly), pageSize, pageToken);
    audit.listed(caller, "TIPS_LISTED", page.items().size());
    return page;
  }

  /** A related tip and what it shares with the asked one ("phone", "address", ...). */
  public record Related(Tip tip, List<String> shared) {}

  public Page<Related> related(
      AgencyPrincipal caller, String tipId, int pageSize, String pageToken) {
    return audit.guarded(
        caller,
        tipId,
        "RELATED_TIPS_LISTED",
        () -> {
          Tip t = TipAccess.visible(load(tipId), caller);
          Set<String> keys = t.relationKeys();
          if (keys.isEmpty()) {
            return new Page<Related>(List.of(), "");
          }
          Page<Tip> page = store.related(tipId, keys, caller.agencyId(), pageSize, pageToken);
          List<Related> related =
              page.items().stream()
                  .map(o ->
                      new Related(
                          o,
                          o.relationKeys().stream()
                              .filter(keys::contains)
                              .map(RelationKeys::kind)
                              .distinct()
                              .sorted()
                              .toList()))
                  .toList();
          audit.success(caller, tipId, "RELATED_TIPS_LISTED", related.size() + " related tips");
          return new Page<>(related, page.nextPageToken());
        });
  }

  /**
   * The outcome record of every tip the caller's agency received from {@code source}, as CSV: tip,
   * the source's reference, when received, outcome, when decided, and what it became (case id,
   * agency referred to, or close reason). Never the reporter, narrative or persons.
   */
  public record Export(String csv, int count) {}

  public Export exportOutcomes(AgencyPrincipal caller, TipSource source) {
    TipAccess.requireCoordinator(caller);
    if (source == null) {
      throw TaskforceException.invalidArgument("source", "is required");
    }
    StringBuilder csv =
        new StringBuilder("tip_id,source,source_reference,received,outcome,decided,detail\r\n");
    int[] count = {0};
    store.forEachReceived(
        caller.agencyId(),
        source,
        each -> {
          Tip t = asSeenBy(caller, each);
          count[0]++;
          csv.append(cell(t.id()))
              .append(',')
              .append(cell(t.report().source().name()))
              .append(',')
              .append(cell(t.report().sourceReference()))
              .append(',')
              .append(cell(ISO.format(t.report().received())))
              .append(',')
              .append(cell(t.triage().outcome().name()))
              .append(',')
              .append(
                  cell(t.triage().decided() == null ? "" : ISO.format(t.triage().decided().time())))
              .append(',')
              .append(cell(detail(t)))
              .append("\r\n");
        });
    audit.listed(caller, "TIP_OUTCOMES_EXPORTED", count[0]);
    return new Export(csv.toString(), count[0]);
  }

  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

  private static String detail(Tip t) {
    return switch (t.status()) {
      case LINKED, CONVERTED -> t.triage().caseId().isEmpty() ? "" : "case " + t.triage().caseId();
      case REFERRED -> "referred to " + t.triage().referredAgencyId();
      case CLOSED ->
          t.triage().closeReason()
              + (t.triage().duplicateOf().isEmpty() ? "" : " of " + t.triage().duplicateOf());
      default -> "";
    };
  }

  /** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet never runs it. */
  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  private Tip load(String tipId) {
    return store.get(tipId).orElseThrow(() -> TaskforceException.notFound("tip", tipId));
  }
}
