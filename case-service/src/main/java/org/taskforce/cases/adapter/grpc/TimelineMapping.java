package org.taskforce.cases.adapter.grpc;

import static org.taskforce.cases.adapter.grpc.CaseMapping.timestamp;

import org.taskforce.api.cases.v1.CaseEvent;
import org.taskforce.api.common.v1.ActorStamp;
import org.taskforce.cases.application.Timeline;

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
            ActorStamp.newBuilder()
                .setSubject(entry.actorSubject())
                .setDisplayName(entry.actorName())
                .setAgencyId(entry.agencyId())
                .setTime(timestamp(entry.time())))
        .setSummary(e.summary())
        .setReason(e.reason())
        .setTime(timestamp(entry.time()))
        .build();
  }
}
