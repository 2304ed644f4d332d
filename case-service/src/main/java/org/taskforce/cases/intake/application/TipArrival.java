package org.taskforce.cases.intake.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.IntFunction;
import org.taskforce.cases.application.Ids;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.cases.intake.domain.TipTriage;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.faults.WriteSeams;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Validated tips arriving: each is deconflicted (the checks run in parallel for a bulk import),
 * stored with its hits, its reporter sealed apart, and announced to the receiving agency when
 * urgent. When deconfliction does not answer, the tip is stored unchecked and the check is queued.
 */
public final class TipArrival {
  private final TipStore store;
  private final ReporterVault vault;
  private final TipDeconfliction deconfliction;
  private final CheckQueue queue;
  private final TipNotices notices;
  private final TipAudit audit;
  private final Executor checks;
  private final WriteSeams seams;
  private final Clock clock;

  public TipArrival(
      TipStore store,
      ReporterVault vault,
      TipDeconfliction deconfliction,
      CheckQueue queue,
      TipNotices notices,
      TipAudit audit,
      Executor checks,
      WriteSeams seams,
      Clock clock) {
    this.store = store;
    this.vault = vault;
    this.deconfliction = deconfliction;
    this.queue = queue;
    this.notices = notices;
    this.audit = audit;
    this.checks = checks;
    this.seams = seams;
    this.clock = clock;
  }

  List<Tip> arrive(
      AgencyPrincipal caller,
      List<NewTip> drafts,
      List<String> requestIds,
      String receiving,
      IntFunction<String> fieldPrefix) {
    Stamp now = stamp(caller);
    List<Tip> tips = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      NewTip d = drafts.get(i);
      String id = Ids.of("t", requestIds.get(i), receiving);
      tips.add(
          new Tip(
              id,
              d.report(),
              receiving,
              d.reporter().anonymous(),
              TipTriage.NEW,
              false,
              List.of(),
              List.of(),
              now,
              now,
              1));
    }
    List<CompletableFuture<Tip>> checked = new ArrayList<>();
    for (Tip t : tips) {
      checked.add(
          store.get(t.id()).isPresent()
              ? CompletableFuture.completedFuture(t)
              : CompletableFuture.supplyAsync(() -> check(t), checks));
    }
    Violations refused = new Violations();
    List<Tip> joined = new ArrayList<>();
    for (int i = 0; i < tips.size(); i++) {
      try {
        joined.add(join(checked.get(i)));
      } catch (TaskforceException e) {
        if (e.kind() != ErrorKind.INVALID_ARGUMENT) {
          throw e;
        }
        refused.addAll(fieldPrefix.apply(i).replaceFirst("\\.$", ""), e.violations());
      }
    }
    // Deconfliction refused a selector of some tip: none is stored.
    refused.throwIfAny();
    List<Tip> answer = new ArrayList<>();
    for (int i = 0; i < tips.size(); i++) {
      Tip t = joined.get(i);
      NewTip d = drafts.get(i);
      var existing = store.get(t.id());
      if (existing.isPresent()) {
        answer.add(answerFor(caller, finishArrival(existing.get()), tips.get(i)));
        continue;
      }
      // The reporter first: a tip is never stored without its sealed reporter.
      if (!d.reporter().anonymous()) {
        vault.seal(t.id(), d.reporter());
      }
      // Its queued check and urgent notice next, prepared: a crash once the tip is stored leaves
      // them for the relay to release (it finds the tip), not lost.
      prepareArrival(t);
      seams.reached("tip.prepared");
      if (!store.insertIfAbsent(t)) {
        Tip stored = store.get(t.id()).orElseThrow();
        abandonArrival(t, stored);
        answer.add(answerFor(caller, finishArrival(stored), tips.get(i)));
        continue;
      }
      seams.reached("tip.stored");
      finishArrival(t);
      audit.success(
          caller,
          t.id(),
          "TIP_CREATED",
          "tip from "
              + t.report().source()
              + (t.urgent() ? " (urgent)" : "")
              + " for "
              + receiving
              + "; "
              + (t.checked() ? t.hits().size() + " deconfliction hits" : "check queued"));
      // Created by this call: the receipt may carry the stored version (its etag), nothing else.
      answer.add(answerFor(caller, t, t));
    }
    return answer;
  }

  private void prepareArrival(Tip t) {
    if (!t.checked()) {
      queue.prepare(t.id());
    }
    if (t.urgent()) {
      notices.prepareUrgent(t);
    }
  }

  /**
   * Drops what {@link #prepareArrival} prepared for {@code t} that {@code stored} (the tip stored
   * under its id by an earlier create) does not need. What it needs stays: its own create may be
   * between the same steps.
   */
  private void abandonArrival(Tip t, Tip stored) {
    if (!t.checked() && stored.checked()) {
      queue.abandon(t.id());
    }
    if (t.urgent() && !stored.urgent()) {
      notices.abandonUrgent(t);
    }
  }

  /**
   * What follows storing a tip: its queued check and its urgent notice. Both were prepared before
   * the tip was stored and are released here; both are idempotent (keyed by the tip), so a retry
   * after a crash between the writes finishes them rather than skip them.
   */
  private Tip finishArrival(Tip t) {
    if (!t.checked()) {
      queue.enqueue(t.id());
    }
    if (t.urgent()) {
      notices.urgent(t);
    }
    return t;
  }

  /**
   * The stored tip for those who may read it; anyone else who enters one (a hotline advocate,
   * another agency's importer) gets a receipt: what they sent under the tip's id, without the
   * deconfliction hits (checks are for law enforcement) and without a stored tip's later state. A
   * receipt is the same whether or not the tip existed before.
   */
  private static Tip answerFor(AgencyPrincipal caller, Tip stored, Tip sent) {
    if (TipAccess.reader(caller) && stored.agencies().contains(caller.agencyId())) {
      return stored;
    }
    return new Tip(
        sent.id(),
        sent.report(),
        sent.receivingAgencyId(),
        sent.anonymous(),
        TipTriage.NEW,
        false,
        List.of(),
        List.of(),
        sent.created(),
        sent.created(),
        sent.version());
  }

  /** The tip with what deconfliction answered, or unchecked when it did not answer. */
  private Tip check(Tip t) {
    try {
      return t.withHits(deconfliction.check(t), t.created());
    } catch (TipDeconfliction.Unavailable down) {
      return t;
    }
  }

  private static Tip join(CompletableFuture<Tip> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private Stamp stamp(AgencyPrincipal caller) {
    return new Stamp(
        caller.subject(),
        caller.displayName(),
        caller.agencyId(),
        clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
  }
}
