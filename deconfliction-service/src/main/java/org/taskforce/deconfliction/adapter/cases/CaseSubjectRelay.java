package org.taskforce.deconfliction.adapter.cases;

import io.grpc.Channel;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.taskforce.api.cases.v1.CaseServiceGrpc;
import org.taskforce.api.cases.v1.DeconflictionState;
import org.taskforce.api.cases.v1.RecordSubjectDeconflictionRequest;
import org.taskforce.deconfliction.application.SubjectStates;
import org.taskforce.platform.outbox.OutboxHandler;
import org.taskforce.platform.outbox.OutboxMessage;

/**
 * Delivers the subject feed to case-service's RecordSubjectDeconfliction with the service's own
 * token. It sends the registration's state as read now, not what the entry announced, so a delivery
 * is right however late or often it comes, and case-service keeps the highest version.
 */
public final class CaseSubjectRelay implements OutboxHandler {
  private final SubjectStates states;
  private final Channel channel;
  private final Duration timeout;

  public CaseSubjectRelay(SubjectStates states, Channel channel, Duration timeout) {
    this.states = states;
    this.channel = channel;
    this.timeout = timeout;
  }

  @Override
  public String topic() {
    return OutboxSubjectFeed.TOPIC;
  }

  @Override
  public void deliver(OutboxMessage message) {
    Optional<SubjectStates.Snapshot> snapshot =
        states.of(message.payload().getString("registrationId"));
    if (snapshot.isEmpty()) {
      return; // withdrawn, purged, or not made with a request id: no subject follows it
    }
    SubjectStates.Snapshot current = snapshot.get();
    CaseServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .recordSubjectDeconfliction(
            RecordSubjectDeconflictionRequest.newBuilder()
                .setRegistrationId(current.registrationId())
                .setAgencyId(current.agencyId())
                .setRequestId(current.requestId())
                .setDeconflictionState(
                    DeconflictionState.valueOf("DECONFLICTION_STATE_" + current.state()))
                .setStateVersion(current.version())
                .setSummary(current.summary())
                .build());
  }

  /**
   * A prepared entry whose change may not have happened is delivered all the same: it sends the
   * state as it is, which is true either way.
   */
  @Override
  public boolean applied(OutboxMessage message) {
    return true;
  }
}
