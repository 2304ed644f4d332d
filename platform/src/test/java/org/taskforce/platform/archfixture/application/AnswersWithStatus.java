package org.taskforce.platform.archfixture.application;

import io.grpc.Status;

/** A use case that answers in gRPC statuses: what {@code TaskforceArchitecture} refuses. */
public final class AnswersWithStatus {
  public Status refuse(String why) {
    return Status.INVALID_ARGUMENT.withDescription(why);
  }
}
