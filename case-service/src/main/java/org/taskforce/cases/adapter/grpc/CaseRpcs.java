package org.taskforce.cases.adapter.grpc;

import static org.taskforce.cases.adapter.grpc.RequestFields.checkFilter;
import static org.taskforce.cases.adapter.grpc.RequestFields.pageToken;
import static org.taskforce.cases.adapter.grpc.RequestFields.requestId;
import static org.taskforce.platform.grpc.RpcFields.caller;
import static org.taskforce.platform.grpc.RpcFields.requireEtag;
import static org.taskforce.platform.grpc.RpcFields.requireId;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseStatus;
import org.taskforce.api.cases.v1.ChangeCaseStatusRequest;
import org.taskforce.api.cases.v1.ChangeCaseStatusResponse;
import org.taskforce.api.cases.v1.CreateCaseRequest;
import org.taskforce.api.cases.v1.CreateCaseResponse;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.api.cases.v1.GetCaseResponse;
import org.taskforce.api.cases.v1.ListCasesRequest;
import org.taskforce.api.cases.v1.ListCasesResponse;
import org.taskforce.api.cases.v1.ReviewCaseRequest;
import org.taskforce.api.cases.v1.ReviewCaseResponse;
import org.taskforce.api.cases.v1.UpdateCaseRequest;
import org.taskforce.api.cases.v1.UpdateCaseResponse;
import org.taskforce.cases.application.CaseDetails;
import org.taskforce.cases.application.CaseRules;
import org.taskforce.cases.application.ChangeCaseStatus;
import org.taskforce.cases.application.EditCase;
import org.taskforce.cases.application.Ids;
import org.taskforce.cases.application.OpenCase;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.application.ReadCases;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.UpdateMask;

/** Cases themselves: GetCase, ListCases, CreateCase, UpdateCase, ChangeCaseStatus, ReviewCase. */
public final class CaseRpcs {
  static final List<String> CASE_FIELDS =
      List.of("title", "case_type", "jurisdictions", "summary", "review_date", "industries");

  private final OpenCase openCase;
  private final ReadCases readCases;
  private final EditCase editCase;
  private final ChangeCaseStatus changeCaseStatus;

  public CaseRpcs(
      OpenCase openCase,
      ReadCases readCases,
      EditCase editCase,
      ChangeCaseStatus changeCaseStatus) {
    this.openCase = openCase;
    this.readCases = readCases;
    this.editCase = editCase;
    this.changeCaseStatus = changeCaseStatus;
  }

  GetCaseResponse get(GetCaseRequest request) {
    return GetCaseResponse.newBuilder()
        .setCase(
            CaseMapping.toProto(readCases.get(caller(), requireId("case_id", request.getCaseId()))))
        .build();
  }

  ListCasesResponse list(ListCasesRequest request) {
    Violations violations = new Violations();
    violations.check(
        !request.getStatusesList().contains(CaseStatus.UNRECOGNIZED),
        "statuses",
        "names a status this service does not know");
    checkFilter(violations, "statuses", request.getStatusesCount());
    checkFilter(violations, "case_types", request.getCaseTypesCount());
    Ids.checkLength(violations, "agency_id", request.getAgencyId());
    var types =
        CaseMapping.enums(
            request.getCaseTypesList(),
            t -> CaseMapping.type(violations, "case_types", t),
            org.taskforce.cases.domain.CaseType.class);
    violations.throwIfAny();
    Page<JointCase> page =
        readCases.list(
            caller(),
            new ReadCases.ListQuery(
                CaseMapping.enums(
                    request.getStatusesList(),
                    CaseMapping::status,
                    org.taskforce.cases.domain.CaseStatus.class),
                types,
                request.getAgencyId(),
                request.getTitleContains(),
                request.getPageSize(),
                pageToken(request.getPageToken())));
    ListCasesResponse.Builder response =
        ListCasesResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.items().forEach(found -> response.addCases(CaseMapping.toProto(found)));
    return response.build();
  }

  CreateCaseResponse create(CreateCaseRequest request) {
    if (!request.hasCase()) {
      throw TaskforceException.invalidArgument("case", "is required");
    }
    Case asked = request.getCase();
    Violations violations = new Violations();
    CaseDetails details =
        new CaseDetails(
            asked.getTitle(),
            CaseMapping.type(violations, "case.case_type", asked.getCaseType()),
            asked.getJurisdictionsList(),
            asked.getSummary(),
            CaseMapping.date(
                violations, "case.review_date", asked.hasReviewDate(), asked.getReviewDate()),
            CaseMapping.industries(violations, asked.getIndustriesList()));
    // Request ids starting "tip:" are the case-opening keys of tip conversions (intake): a client's
    // could otherwise name, and so be answered, the case a tip was converted into.
    violations.check(
        !request.getRequestId().startsWith("tip:"),
        "request_id",
        "the tip: prefix is reserved for cases opened from tips");
    violations.throwIfAny();
    return CreateCaseResponse.newBuilder()
        .setCase(
            CaseMapping.toProto(
                openCase.open(
                    caller(), new OpenCase.Command(details, requestId(request.getRequestId())))))
        .build();
  }

  UpdateCaseResponse update(UpdateCaseRequest request) {
    if (!request.hasCase()) {
      throw TaskforceException.invalidArgument("case", "is required");
    }
    Case asked = request.getCase();
    String caseId = requireId("case.case_id", asked.getCaseId());
    Violations violations = new Violations();
    Set<String> paths = UpdateMask.required(request.getUpdateMask(), CASE_FIELDS, violations);
    LocalDate review =
        paths.contains("review_date")
            ? CaseMapping.date(
                violations, "case.review_date", asked.hasReviewDate(), asked.getReviewDate())
            : null;
    if (paths.contains("review_date") && review == null && violations.isEmpty()) {
      violations.add("case.review_date", "is required when named in update_mask");
    }
    org.taskforce.cases.domain.CaseType type =
        paths.contains("case_type")
            ? CaseMapping.type(violations, "case.case_type", asked.getCaseType())
            : null;
    if (paths.contains("case_type") && type == null && violations.isEmpty()) {
      violations.add("case.case_type", "is required when named in update_mask");
    }
    var industries =
        paths.contains("industries")
            ? CaseMapping.industries(violations, asked.getIndustriesList())
            : null;
    long version = requireEtag("case.etag", asked.getEtag());
    violations.throwIfAny();
    CaseDetails changes =
        new CaseDetails(
            paths.contains("title") ? asked.getTitle() : null,
            type,
            paths.contains("jurisdictions") ? asked.getJurisdictionsList() : null,
            paths.contains("summary") ? asked.getSummary() : null,
            review,
            industries);
    return UpdateCaseResponse.newBuilder()
        .setCase(
            CaseMapping.toProto(
                editCase.update(caller(), new EditCase.UpdateCommand(caseId, version, changes))))
        .build();
  }

  ChangeCaseStatusResponse changeStatus(ChangeCaseStatusRequest request) {
    String caseId = requireId("case_id", request.getCaseId());
    long version = requireEtag("etag", request.getEtag());
    JointCase changed =
        changeCaseStatus.change(
            caller(),
            new ChangeCaseStatus.Command(
                caseId, CaseMapping.status(request.getStatus()), request.getReason(), version));
    return ChangeCaseStatusResponse.newBuilder().setCase(CaseMapping.toProto(changed)).build();
  }

  ReviewCaseResponse review(ReviewCaseRequest request) {
    String caseId = requireId("case_id", request.getCaseId());
    Violations violations = new Violations();
    LocalDate next =
        CaseMapping.date(
            violations,
            "next_review_date",
            request.hasNextReviewDate(),
            request.getNextReviewDate());
    violations.check(
        request.getNote().length() <= CaseRules.MAX_REASON_LENGTH,
        "note",
        "at most " + CaseRules.MAX_REASON_LENGTH + " characters");
    long version = requireEtag("etag", request.getEtag());
    violations.throwIfAny();
    return ReviewCaseResponse.newBuilder()
        .setCase(
            CaseMapping.toProto(
                editCase.review(
                    caller(),
                    new EditCase.ReviewCommand(caseId, next, request.getNote(), version))))
        .build();
  }
}
