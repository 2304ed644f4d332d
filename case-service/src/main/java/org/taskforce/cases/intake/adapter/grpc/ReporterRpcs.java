package org.taskforce.cases.intake.adapter.grpc;

import static org.taskforce.platform.grpc.CallerContext.principal;

import org.taskforce.api.intake.v1.RevealReporterRequest;
import org.taskforce.api.intake.v1.RevealReporterResponse;
import org.taskforce.cases.intake.application.ReporterReveal;
import org.taskforce.platform.error.IdChecks;

/** A tip's sealed reporter: RevealReporter (audited, with a stated purpose). */
public final class ReporterRpcs {
  private final ReporterReveal reveal;

  public ReporterRpcs(ReporterReveal reveal) {
    this.reveal = reveal;
  }

  RevealReporterResponse reveal(RevealReporterRequest request) {
    return reveal
        .reveal(principal(), IdChecks.required("tip_id", request.getTipId()), request.getPurpose())
        .map(r -> RevealReporterResponse.newBuilder().setReporter(TipMapping.reporter(r)).build())
        .orElseGet(() -> RevealReporterResponse.newBuilder().setAnonymous(true).build());
  }
}
