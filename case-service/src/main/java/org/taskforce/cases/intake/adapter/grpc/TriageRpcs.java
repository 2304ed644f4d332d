package org.taskforce.cases.intake.adapter.grpc;

import static org.taskforce.platform.grpc.CallerContext.principal;

import org.taskforce.api.intake.v1.AssignTipRequest;
import org.taskforce.api.intake.v1.AssignTipResponse;
import org.taskforce.api.intake.v1.CloseTipRequest;
import org.taskforce.api.intake.v1.CloseTipResponse;
import org.taskforce.api.intake.v1.ConvertTipToCaseRequest;
import org.taskforce.api.intake.v1.ConvertTipToCaseResponse;
import org.taskforce.api.intake.v1.LinkTipToCaseRequest;
import org.taskforce.api.intake.v1.LinkTipToCaseResponse;
import org.taskforce.api.intake.v1.MergeTipsRequest;
import org.taskforce.api.intake.v1.MergeTipsResponse;
import org.taskforce.api.intake.v1.ReferTipRequest;
import org.taskforce.api.intake.v1.ReferTipResponse;
import org.taskforce.api.intake.v1.ScreenTipRequest;
import org.taskforce.api.intake.v1.ScreenTipResponse;
import org.taskforce.cases.domain.Contact;
import org.taskforce.cases.intake.application.TipConversion;
import org.taskforce.cases.intake.application.TipDispatch;
import org.taskforce.cases.intake.application.TipMerge;
import org.taskforce.cases.intake.application.TipQueries;
import org.taskforce.cases.intake.application.Triage;
import org.taskforce.cases.intake.domain.CloseReason;
import org.taskforce.platform.error.IdChecks;
import org.taskforce.platform.etag.Etags;

/**
 * A tip's triage: AssignTip, ScreenTip, LinkTipToCase, ConvertTipToCase, ReferTip, CloseTip,
 * MergeTips. Each decodes the request (ids, the etag in the platform's format), runs one use case
 * and encodes the tip as the caller may read it.
 */
public final class TriageRpcs {
  private final TipDispatch dispatch;
  private final Triage triage;
  private final TipMerge merge;
  private final TipConversion conversion;
  private final TipViews views;

  public TriageRpcs(
      TipDispatch dispatch,
      Triage triage,
      TipMerge merge,
      TipConversion conversion,
      TipQueries queries) {
    this.dispatch = dispatch;
    this.triage = triage;
    this.merge = merge;
    this.conversion = conversion;
    this.views = new TipViews(queries);
  }

  AssignTipResponse assign(AssignTipRequest r) {
    return AssignTipResponse.newBuilder()
        .setTip(
            views.proto(
                dispatch.assign(
                    principal(),
                    tipId(r.getTipId()),
                    r.getAgencyId(),
                    r.getOfficer(),
                    etag(r.getEtag()))))
        .build();
  }

  ScreenTipResponse screen(ScreenTipRequest r) {
    return ScreenTipResponse.newBuilder()
        .setTip(
            views.proto(
                triage.screen(principal(), tipId(r.getTipId()), r.getNote(), etag(r.getEtag()))))
        .build();
  }

  LinkTipToCaseResponse link(LinkTipToCaseRequest r) {
    return LinkTipToCaseResponse.newBuilder()
        .setTip(
            views.proto(
                triage.link(
                    principal(),
                    tipId(r.getTipId()),
                    IdChecks.required("case_id", r.getCaseId()),
                    etag(r.getEtag()))))
        .build();
  }

  ConvertTipToCaseResponse convert(ConvertTipToCaseRequest r) {
    var poc = r.getPointOfContact();
    TipConversion.Converted c =
        conversion.convert(
            principal(),
            new TipConversion.Command(
                tipId(r.getTipId()),
                r.getTitle(),
                new Contact(poc.getDisplayName(), poc.getTitle(), poc.getPhone(), poc.getEmail()),
                etag(r.getEtag())));
    return ConvertTipToCaseResponse.newBuilder()
        .setTip(views.proto(c.tip()))
        .setCaseId(c.opened().id())
        .setCaseNumber(c.opened().number())
        .setSubjectCount(c.subjects())
        .setVictimCount(c.victims())
        .build();
  }

  ReferTipResponse refer(ReferTipRequest r) {
    return ReferTipResponse.newBuilder()
        .setTip(
            views.proto(
                dispatch.refer(
                    principal(),
                    tipId(r.getTipId()),
                    r.getAgencyId(),
                    r.getReason(),
                    etag(r.getEtag()))))
        .build();
  }

  CloseTipResponse close(CloseTipRequest r) {
    return CloseTipResponse.newBuilder()
        .setTip(
            views.proto(
                triage.close(
                    principal(),
                    tipId(r.getTipId()),
                    TipMapping.in(r.getReason(), "CLOSE_REASON_", CloseReason.class),
                    r.getNote(),
                    r.getDuplicateOfTipId(),
                    etag(r.getEtag()))))
        .build();
  }

  MergeTipsResponse merge(MergeTipsRequest r) {
    return MergeTipsResponse.newBuilder()
        .setTip(
            views.proto(
                merge.merge(
                    principal(),
                    tipId(r.getTipId()),
                    IdChecks.required("other_tip_id", r.getOtherTipId()),
                    etag(r.getEtag()))))
        .build();
  }

  private static String tipId(String id) {
    return IdChecks.required("tip_id", id);
  }

  private static long etag(String etag) {
    return Etags.required("etag", etag);
  }
}
