package org.taskforce.cases.adapter.grpc;

import static org.taskforce.cases.adapter.grpc.RequestFields.pageToken;
import static org.taskforce.platform.grpc.RpcFields.caller;
import static org.taskforce.platform.grpc.RpcFields.requireId;

import org.taskforce.api.cases.v1.ListCaseEventsRequest;
import org.taskforce.api.cases.v1.ListCaseEventsResponse;
import org.taskforce.cases.application.Timeline;

/** A case's timeline: ListCaseEvents. */
public final class TimelineRpcs {
  private final Timeline timeline;

  public TimelineRpcs(Timeline timeline) {
    this.timeline = timeline;
  }

  ListCaseEventsResponse list(ListCaseEventsRequest request) {
    var page =
        timeline.list(
            caller(),
            requireId("case_id", request.getCaseId()),
            request.getPageSize(),
            pageToken(request.getPageToken()));
    ListCaseEventsResponse.Builder response =
        ListCaseEventsResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.items().forEach(e -> response.addEvents(TimelineMapping.toProto(e)));
    return response.build();
  }
}
