package org.taskforce.platform.archfixture.intake.application;

import com.google.protobuf.Timestamp;

/**
 * A use case of a bounded context inside the service (like case-service's intake) that builds
 * protobuf messages: refused as in the service's own application package.
 */
public final class BuildsProtos {
  public Timestamp epoch() {
    return Timestamp.getDefaultInstance();
  }
}
