package org.taskforce.cases.adapter.grpc;

import static org.taskforce.platform.grpc.ProtoTimes.timestamp;

import org.taskforce.api.cases.v1.CaseEvent;
import org.taskforce.cases.application.Timeline;
import org.taskforce.platform.grpc.ActorStamps;

/** Between the cases.v1 contract and case-service's domain: timeline events. */
final class TimelineMapping {
  private TimelineMapping() {}

  static CaseEvent toProto(Timeline.Event e) {
    var entry = e.entry();
    return CaseEvent.newBuilder()
        .setEventId(entry.id())
        .setAction(entry.action())
        .setResource(e.target())
        .setOutcome(entry.outcome().name())
        .setPurpose(entry.purpose())
        .setActor(
            ActorStamps.of(entry.actorSubject(), entry.actorName(), entry.agencyId(), entry.time()))
        .setSummary(e.summary())
        .setReason(e.reason())
        .setTime(timestamp(entry.time()))
        .build();
  }
}
