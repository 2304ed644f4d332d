package org.taskforce.cases.intake.adapter.grpc;

import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import org.taskforce.api.intake.v1.TipServiceGrpc;
import org.taskforce.platform.grpc.UnaryCalls;

/**
 * The TipService contract, routed by resource: tips ({@link TipRpcs}), their triage ({@link
 * TriageRpcs}) and their sealed reporters ({@link ReporterRpcs}). Nothing happens here but the
 * routing; authorisation and audit live in the use cases.
 */
public final class TipGrpcService implements BindableService {
  private final TipRpcs tips;
  private final TriageRpcs triage;
  private final ReporterRpcs reporters;

  public TipGrpcService(TipRpcs tips, TriageRpcs triage, ReporterRpcs reporters) {
    this.tips = tips;
    this.triage = triage;
    this.reporters = reporters;
  }

  @Override
  public ServerServiceDefinition bindService() {
    return UnaryCalls.service(TipServiceGrpc.getServiceDescriptor())
        .route(TipServiceGrpc.getGetTipMethod(), tips::get)
        .route(TipServiceGrpc.getListTipsMethod(), tips::list)
        .route(TipServiceGrpc.getCreateTipMethod(), tips::create)
        .route(TipServiceGrpc.getAssignTipMethod(), triage::assign)
        .route(TipServiceGrpc.getScreenTipMethod(), triage::screen)
        .route(TipServiceGrpc.getLinkTipToCaseMethod(), triage::link)
        .route(TipServiceGrpc.getConvertTipToCaseMethod(), triage::convert)
        .route(TipServiceGrpc.getReferTipMethod(), triage::refer)
        .route(TipServiceGrpc.getCloseTipMethod(), triage::close)
        .route(TipServiceGrpc.getListRelatedTipsMethod(), tips::related)
        .route(TipServiceGrpc.getMergeTipsMethod(), triage::merge)
        .route(TipServiceGrpc.getRevealReporterMethod(), reporters::reveal)
        .route(TipServiceGrpc.getImportCyberTiplineReportsMethod(), tips::importReports)
        .route(TipServiceGrpc.getExportTipOutcomesMethod(), tips::exportOutcomes)
        .build();
  }
}
