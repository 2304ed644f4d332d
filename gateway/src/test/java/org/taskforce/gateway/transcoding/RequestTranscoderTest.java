package org.taskforce.gateway.transcoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.taskforce.api.cases.v1.CaseStatus;
import org.taskforce.api.cases.v1.CaseType;
import org.taskforce.api.cases.v1.ChangeCaseStatusRequest;
import org.taskforce.api.cases.v1.CreateCaseRequest;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.api.cases.v1.ListCasesRequest;
import org.taskforce.api.cases.v1.UpdateCaseRequest;
import org.taskforce.api.cases.v1.UpdateTaskRequest;
import org.taskforce.api.deconfliction.v1.ListEventRegistrationsRequest;
import org.taskforce.api.intake.v1.ConvertTipToCaseRequest;

class RequestTranscoderTest {
  private static final ApiDescriptors DESCRIPTORS = ApiDescriptors.load();
  private static final RestRoutes ROUTES = new RestRoutes(DESCRIPTORS);
  private final RequestTranscoder transcoder = new RequestTranscoder(DESCRIPTORS);

  private DynamicMessage transcode(
      String method, String path, Map<String, List<String>> query, String body) {
    var match = ROUTES.match(method, path).orElseThrow(() -> new AssertionError("no route"));
    return transcoder.transcode(match, query, body);
  }

  /**
   * The request {@code parser} reads from what {@code method path} with that query and body became.
   */
  private <T> T transcode(
      Parser<T> parser, String method, String path, Map<String, List<String>> query, String body)
      throws InvalidProtocolBufferException {
    return parser.parseFrom(transcode(method, path, query, body).toByteString());
  }

  /** What {@code method path} with that query and body is refused with; null if it is not. */
  private BadRequestException refusal(
      String method, String path, Map<String, List<String>> query, String body) {
    return catchThrowableOfType(
        BadRequestException.class, () -> transcode(method, path, query, body));
  }

  @Test
  void everyAnnotatedMethodHasARoute() {
    assertThat(ROUTES.all()).hasSizeGreaterThan(50);
    assertThat(ROUTES.all())
        .extracting(RestRoute::grpcMethodName)
        .contains(
            "taskforce.cases.v1.CaseService/GetCase",
            "taskforce.deconfliction.v1.DeconflictionService/CheckBeforeActing",
            "taskforce.notifications.v1.NotificationService/ListNotifications")
        .doesNotContain("taskforce.notifications.v1.NotificationService/SubscribeNotifications");
  }

  @Test
  void get_bindsThePathVariable() throws InvalidProtocolBufferException {
    var r = transcode(GetCaseRequest.parser(), "GET", "/api/v1/cases/c-42", Map.of(), "");
    assertThat(r.getCaseId()).isEqualTo("c-42");
  }

  @Test
  void list_takesQueryParameters_repeatedEnumsByName_andJsonNames()
      throws InvalidProtocolBufferException {
    ListCasesRequest r =
        transcode(
            ListCasesRequest.parser(),
            "GET",
            "/api/v1/cases",
            Map.of(
                "statuses", List.of("CASE_STATUS_OPEN", "CASE_STATUS_ACTIVE"),
                "pageSize", List.of("25"),
                "title_contains", List.of("mesa")),
            "");
    assertThat(r.getStatusesList())
        .containsExactly(CaseStatus.CASE_STATUS_OPEN, CaseStatus.CASE_STATUS_ACTIVE);
    assertThat(r.getPageSize()).isEqualTo(25);
    assertThat(r.getTitleContains()).isEqualTo("mesa");
  }

  @Test
  void nestedQueryParameters_setMessageFields() throws InvalidProtocolBufferException {
    var r =
        transcode(
            ListEventRegistrationsRequest.parser(),
            "GET",
            "/api/v1/events",
            Map.of("time_window.start_time", List.of("2026-11-20T18:00:00Z")),
            "");
    assertThat(r.getTimeWindow().getStartTime().getSeconds()).isEqualTo(1795197600L);
  }

  @Test
  void create_fillsTheBodyField_andTakesOtherFieldsFromTheQuery()
      throws InvalidProtocolBufferException {
    CreateCaseRequest r =
        transcode(
            CreateCaseRequest.parser(),
            "POST",
            "/api/v1/cases",
            Map.of("request_id", List.of("r-1")),
            "{\"title\":\"Operation Mesa\",\"caseType\":\"CASE_TYPE_SEX_TRAFFICKING\"}");
    assertThat(r.getCase().getTitle()).isEqualTo("Operation Mesa");
    assertThat(r.getCase().getCaseType()).isEqualTo(CaseType.CASE_TYPE_SEX_TRAFFICKING);
    assertThat(r.getRequestId()).isEqualTo("r-1");
  }

  @Test
  void update_bindsNestedPathVariable_andFieldMaskFromQuery()
      throws InvalidProtocolBufferException {
    UpdateCaseRequest r =
        transcode(
            UpdateCaseRequest.parser(),
            "PATCH",
            "/api/v1/cases/c-7",
            Map.of("update_mask", List.of("title,summary")),
            "{\"title\":\"New\",\"summary\":\"s\",\"etag\":\"3\"}");
    assertThat(r.getCase().getCaseId()).isEqualTo("c-7");
    assertThat(r.getCase().getEtag()).isEqualTo("3");
    assertThat(r.getUpdateMask().getPathsList()).containsExactly("title", "summary");
  }

  @Test
  void updateWithTwoNestedPathVariables() throws InvalidProtocolBufferException {
    UpdateTaskRequest r =
        transcode(
            UpdateTaskRequest.parser(),
            "PATCH",
            "/api/v1/cases/c-1/tasks/t-2",
            Map.of("updateMask", List.of("status")),
            "{\"status\":\"TASK_STATUS_DONE\"}");
    assertThat(r.getTask().getCaseId()).isEqualTo("c-1");
    assertThat(r.getTask().getTaskId()).isEqualTo("t-2");
  }

  @Test
  void aWeakEtag_passesThroughUnchanged() throws InvalidProtocolBufferException {
    ConvertTipToCaseRequest r =
        transcode(
            ConvertTipToCaseRequest.parser(),
            "POST",
            "/api/v1/tips/t-9:convert",
            Map.of(),
            "{\"title\":\"Central Ave motel\",\"etag\":\"W/\\\"7\\\"\"}");
    assertThat(r.getTipId()).isEqualTo("t-9");
    assertThat(r.getEtag()).isEqualTo("W/\"7\"");
  }

  @Test
  void customVerbWithWholeBody() throws InvalidProtocolBufferException {
    ChangeCaseStatusRequest r =
        transcode(
            ChangeCaseStatusRequest.parser(),
            "POST",
            "/api/v1/cases/c-1:changeStatus",
            Map.of(),
            "{\"status\":\"CASE_STATUS_ACTIVE\",\"etag\":\"1\"}");
    assertThat(r.getCaseId()).isEqualTo("c-1");
    assertThat(r.getStatus()).isEqualTo(CaseStatus.CASE_STATUS_ACTIVE);
  }

  /**
   * Found by RestFuzzTest (issue 20 item 8): a body repeating a path variable as an array, an
   * object or a number was read as a string and answered 500. It is a 400 naming the variable; a
   * null there, or the same value, is not a contradiction.
   */
  @Test
  void aBodyContradictingThePathWithAnyJsonType_isABadRequestNamingTheVariable()
      throws InvalidProtocolBufferException {
    for (String given : List.of("[]", "[\"c-1\",\"c-2\"]", "{}", "{\"a\":1}", "7", "true")) {
      var e =
          refusal(
              "POST",
              "/api/v1/cases/c-1:changeStatus",
              Map.of(),
              "{\"caseId\":" + given + ",\"status\":\"CASE_STATUS_ACTIVE\"}");
      assertThat(e).as(given).isNotNull();
      assertThat(e.field()).isEqualTo("case_id");
    }
    for (String same : List.of("null", "\"c-1\"")) {
      var r =
          transcode(
              ChangeCaseStatusRequest.parser(),
              "POST",
              "/api/v1/cases/c-1:changeStatus",
              Map.of(),
              "{\"caseId\":" + same + ",\"status\":\"CASE_STATUS_ACTIVE\"}");
      assertThat(r.getCaseId()).isEqualTo("c-1");
    }
  }

  @Test
  void unknownQueryParameter_isABadRequestNamingIt() {
    var e = refusal("GET", "/api/v1/cases", Map.of("colour", List.of("red")), "");
    assertThat(e.field()).isEqualTo("colour");
  }

  @Test
  void badEnumValue_isABadRequest() {
    var e = refusal("GET", "/api/v1/cases", Map.of("statuses", List.of("OPENISH")), "");
    assertThat(e.getMessage()).contains("OPENISH");
  }

  @Test
  void malformedJsonBody_isABadRequest() {
    var e = refusal("POST", "/api/v1/cases", Map.of(), "{title");
    assertThat(e.field()).isEqualTo("body");
  }

  @Test
  void bodyContradictingThePath_isABadRequest() {
    var e =
        refusal(
            "POST",
            "/api/v1/cases/c-1:changeStatus",
            Map.of(),
            "{\"caseId\":\"c-2\",\"status\":\"CASE_STATUS_ACTIVE\"}");
    assertThat(e.field()).isEqualTo("case_id");
  }

  @Test
  void getWithABody_isABadRequest() {
    assertThat(refusal("GET", "/api/v1/cases/c-1", Map.of(), "{}")).isNotNull();
  }
}
