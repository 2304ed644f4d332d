package org.taskforce.cases.intake.adapter.grpc;

import static org.taskforce.platform.grpc.CallerContext.principal;

import org.taskforce.api.intake.v1.Tip;
import org.taskforce.cases.intake.application.TipQueries;

/** A tip encoded as the caller may read it (see {@link TipQueries#asSeenBy}). */
final class TipViews {
  private final TipQueries queries;

  TipViews(TipQueries queries) {
    this.queries = queries;
  }

  Tip proto(org.taskforce.cases.intake.domain.Tip t) {
    return TipMapping.toProto(queries.asSeenBy(principal(), t));
  }
}
