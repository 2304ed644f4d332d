package org.taskforce.platform.grpc;

import java.time.Instant;
import org.taskforce.api.common.v1.ActorStamp;

/** Who did something, for which agency, and when, as every contract answers it. */
public final class ActorStamps {
  private ActorStamps() {}

  public static ActorStamp of(String subject, String displayName, String agencyId, Instant time) {
    return ActorStamp.newBuilder()
        .setSubject(subject)
        .setDisplayName(displayName)
        .setAgencyId(agencyId)
        .setTime(ProtoTimes.timestamp(time))
        .build();
  }
}
