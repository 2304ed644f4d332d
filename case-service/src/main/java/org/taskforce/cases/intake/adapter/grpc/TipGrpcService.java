package org.taskforce.cases.intake.adapter.grpc;

import static org.taskforce.platform.grpc.UnaryCalls.answer;

import io.grpc.stub.StreamObserver;
import org.taskforce.api.intake.v1.AssignTipRequest;
import org.taskforce.api.intake.v1.AssignTipResponse;
import org.taskforce.api.intake.v1.CloseTipRequest;
import org.taskforce.api.intake.v1.CloseTipResponse;
import org.taskforce.api.intake.v1.ConvertTipToCaseRequest;
import org.taskforce.api.intake.v1.ConvertTipToCaseResponse;
import org.taskforce.api.intake.v1.CreateTipRequest;
import org.taskforce.api.intake.v1.CreateTipResponse;
import org.taskforce.api.intake.v1.ExportTipOutcomesRequest;
import org.taskforce.api.intake.v1.ExportTipOutcomesResponse;
import org.taskforce.api.intake.v1.GetTipRequest;
import org.taskforce.api.intake.v1.GetTipResponse;
import org.taskforce.api.intake.v1.ImportCyberTiplineReportsRequest;
import org.taskforce.api.intake.v1.ImportCyberTiplineReportsResponse;
import org.taskforce.api.intake.v1.LinkTipToCaseRequest;
import org.taskforce.api.intake.v1.LinkTipToCaseResponse;
import org.taskforce.api.intake.v1.ListRelatedTipsRequest;
import org.taskforce.api.intake.v1.ListRelatedTipsResponse;
import org.taskforce.api.intake.v1.ListTipsRequest;
import org.taskforce.api.intake.v1.ListTipsResponse;
import org.taskforce.api.intake.v1.MergeTipsRequest;
import org.taskforce.api.intake.v1.MergeTipsResponse;
import org.taskforce.api.intake.v1.ReferTipRequest;
import org.taskforce.api.intake.v1.ReferTipResponse;
import org.taskforce.api.intake.v1.RevealReporterRequest;
import org.taskforce.api.intake.v1.RevealReporterResponse;
import org.taskforce.api.intake.v1.ScreenTipRequest;
import org.taskforce.api.intake.v1.ScreenTipResponse;
import org.taskforce.api.intake.v1.TipServiceGrpc;

/**
 * The TipService contract, routed by resource: tips ({@link TipRpcs}), their triage ({@link
 * TriageRpcs}) and their sealed reporters ({@link ReporterRpcs}). Nothing happens here but the
 * routing; authorisation and audit live in the use cases.
 */
public final class TipGrpcService extends TipServiceGrpc.TipServiceImplBase {
  private final TipRpcs tips;
  private final TriageRpcs triage;
  private final ReporterRpcs reporters;

  public TipGrpcService(TipRpcs tips, TriageRpcs triage, ReporterRpcs reporters) {
    this.tips = tips;
    this.triage = triage;
    this.reporters = reporters;
  }

  @Override
  public void getTip(GetTipRequest request, StreamObserver<GetTipResponse> observer) {
    answer(observer, () -> tips.get(request));
  }

  @Override
  public void listTips(ListTipsRequest request, StreamObserver<ListTipsResponse> observer) {
    answer(observer, () -> tips.list(request));
  }

  @Override
  public void createTip(CreateTipRequest request, StreamObserver<CreateTipResponse> observer) {
    answer(observer, () -> tips.create(request));
  }

  @Override
  public void assignTip(AssignTipRequest request, StreamObserver<AssignTipResponse> observer) {
    answer(observer, () -> triage.assign(request));
  }

  @Override
  public void screenTip(ScreenTipRequest request, StreamObserver<ScreenTipResponse> observer) {
    answer(observer, () -> triage.screen(request));
  }

  @Override
  public void linkTipToCase(
      LinkTipToCaseRequest request, StreamObserver<LinkTipToCaseResponse> observer) {
    answer(observer, () -> triage.link(request));
  }

  @Override
  public void convertTipToCase(
      ConvertTipToCaseRequest request, StreamObserver<ConvertTipToCaseResponse> observer) {
    answer(observer, () -> triage.convert(request));
  }

  @Override
  public void referTip(ReferTipRequest request, StreamObserver<ReferTipResponse> observer) {
    answer(observer, () -> triage.refer(request));
  }

  @Override
  public void closeTip(CloseTipRequest request, StreamObserver<CloseTipResponse> observer) {
    answer(observer, () -> triage.close(request));
  }

  @Override
  public void listRelatedTips(
      ListRelatedTipsRequest request, StreamObserver<ListRelatedTipsResponse> observer) {
    answer(observer, () -> tips.related(request));
  }

  @Override
  public void mergeTips(MergeTipsRequest request, StreamObserver<MergeTipsResponse> observer) {
    answer(observer, () -> triage.merge(request));
  }

  @Override
  public void revealReporter(
      RevealReporterRequest request, StreamObserver<RevealReporterResponse> observer) {
    answer(observer, () -> reporters.reveal(request));
  }

  @Override
  public void importCyberTiplineReports(
      ImportCyberTiplineReportsRequest request,
      StreamObserver<ImportCyberTiplineReportsResponse> observer) {
    answer(observer, () -> tips.importReports(request));
  }

  @Override
  public void exportTipOutcomes(
      ExportTipOutcomesRequest request, StreamObserver<ExportTipOutcomesResponse> observer) {
    answer(observer, () -> tips.exportOutcomes(request));
  }
}
