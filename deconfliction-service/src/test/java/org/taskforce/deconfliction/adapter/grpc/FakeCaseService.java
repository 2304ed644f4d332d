package org.taskforce.deconfliction.adapter.grpc;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.taskforce.api.cases.v1.CaseServiceGrpc;
import org.taskforce.api.cases.v1.RecordSubjectDeconflictionRequest;
import org.taskforce.api.cases.v1.RecordSubjectDeconflictionResponse;
import org.taskforce.platform.testing.FakePeers;

/**
 * case-service as deconfliction's subject feed sees it: a real gRPC server on a local port that
 * keeps every announcement it receives (case-service's own handling is tested in case-service) and
 * can be switched to fail with UNAVAILABLE.
 */
final class FakeCaseService extends CaseServiceGrpc.CaseServiceImplBase {
  private final Server server;
  private final List<RecordSubjectDeconflictionRequest> received = new CopyOnWriteArrayList<>();
  private final AtomicBoolean down = new AtomicBoolean();

  FakeCaseService() {
    server = FakePeers.serve(this);
  }

  String address() {
    return FakePeers.address(server);
  }

  void setDown(boolean isDown) {
    down.set(isDown);
  }

  void clear() {
    received.clear();
  }

  /** Every announcement about one registration, in arrival order. */
  List<RecordSubjectDeconflictionRequest> about(String registrationId) {
    return received.stream().filter(r -> r.getRegistrationId().equals(registrationId)).toList();
  }

  List<RecordSubjectDeconflictionRequest> received() {
    return List.copyOf(received);
  }

  @Override
  public void recordSubjectDeconfliction(
      RecordSubjectDeconflictionRequest request,
      StreamObserver<RecordSubjectDeconflictionResponse> observer) {
    if (down.get()) {
      observer.onError(Status.UNAVAILABLE.withDescription("case-service is down").asException());
      return;
    }
    received.add(request);
    observer.onNext(RecordSubjectDeconflictionResponse.newBuilder().setApplied(true).build());
    observer.onCompleted();
  }
}
