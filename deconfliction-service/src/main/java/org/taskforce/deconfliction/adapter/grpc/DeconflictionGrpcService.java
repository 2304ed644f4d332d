package org.taskforce.deconfliction.adapter.grpc;

import static org.taskforce.platform.grpc.UnaryCalls.answer;

import io.grpc.stub.StreamObserver;
import org.taskforce.api.deconfliction.v1.AcknowledgeConflictRequest;
import org.taskforce.api.deconfliction.v1.AcknowledgeConflictResponse;
import org.taskforce.api.deconfliction.v1.CancelEventRegistrationRequest;
import org.taskforce.api.deconfliction.v1.CancelEventRegistrationResponse;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingRequest;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingResponse;
import org.taskforce.api.deconfliction.v1.ConfirmReviewItemRequest;
import org.taskforce.api.deconfliction.v1.ConfirmReviewItemResponse;
import org.taskforce.api.deconfliction.v1.CreateEventRegistrationRequest;
import org.taskforce.api.deconfliction.v1.CreateEventRegistrationResponse;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationResponse;
import org.taskforce.api.deconfliction.v1.DeconflictionServiceGrpc;
import org.taskforce.api.deconfliction.v1.GetConflictRequest;
import org.taskforce.api.deconfliction.v1.GetConflictResponse;
import org.taskforce.api.deconfliction.v1.GetEventRegistrationRequest;
import org.taskforce.api.deconfliction.v1.GetEventRegistrationResponse;
import org.taskforce.api.deconfliction.v1.GetTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.GetTargetRegistrationResponse;
import org.taskforce.api.deconfliction.v1.ListConflictsRequest;
import org.taskforce.api.deconfliction.v1.ListConflictsResponse;
import org.taskforce.api.deconfliction.v1.ListEventRegistrationsRequest;
import org.taskforce.api.deconfliction.v1.ListEventRegistrationsResponse;
import org.taskforce.api.deconfliction.v1.ListReviewItemsRequest;
import org.taskforce.api.deconfliction.v1.ListReviewItemsResponse;
import org.taskforce.api.deconfliction.v1.ListTargetRegistrationsRequest;
import org.taskforce.api.deconfliction.v1.ListTargetRegistrationsResponse;
import org.taskforce.api.deconfliction.v1.RejectReviewItemRequest;
import org.taskforce.api.deconfliction.v1.RejectReviewItemResponse;
import org.taskforce.api.deconfliction.v1.RenewTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.RenewTargetRegistrationResponse;
import org.taskforce.api.deconfliction.v1.ResolveConflictRequest;
import org.taskforce.api.deconfliction.v1.ResolveConflictResponse;
import org.taskforce.api.deconfliction.v1.UpdateEventRegistrationRequest;
import org.taskforce.api.deconfliction.v1.UpdateEventRegistrationResponse;
import org.taskforce.api.deconfliction.v1.UpdateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.UpdateTargetRegistrationResponse;
import org.taskforce.api.deconfliction.v1.WithdrawTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.WithdrawTargetRegistrationResponse;
import org.taskforce.deconfliction.application.CheckBeforeActing;
import org.taskforce.deconfliction.application.ConflictWorkflow;
import org.taskforce.deconfliction.application.DisclosurePolicy;
import org.taskforce.deconfliction.application.EventRegistrationChanges;
import org.taskforce.deconfliction.application.EventRegistrations;
import org.taskforce.deconfliction.application.ReviewQueue;
import org.taskforce.deconfliction.application.TargetRegistrationChanges;
import org.taskforce.deconfliction.application.TargetRegistrations;

/**
 * The DeconflictionService contract, routed by resource: target registrations ({@link TargetRpcs}),
 * event registrations ({@link EventRpcs}), check before acting ({@link CheckRpcs}), conflicts
 * ({@link ConflictRpcs}) and the review queue ({@link ReviewRpcs}). Nothing happens here but the
 * routing; authorisation lives in the use cases.
 */
public final class DeconflictionGrpcService
    extends DeconflictionServiceGrpc.DeconflictionServiceImplBase {
  private final TargetRpcs targets;
  private final EventRpcs events;
  private final CheckRpcs checks;
  private final ConflictRpcs conflicts;
  private final ReviewRpcs reviews;

  public DeconflictionGrpcService(
      TargetRegistrations targets,
      TargetRegistrationChanges targetChanges,
      EventRegistrations events,
      EventRegistrationChanges eventChanges,
      CheckBeforeActing checks,
      ConflictWorkflow workflow,
      ReviewQueue reviewQueue,
      DisclosurePolicy policy) {
    this.targets = new TargetRpcs(targets, targetChanges);
    this.events = new EventRpcs(events, eventChanges);
    this.checks = new CheckRpcs(checks);
    this.conflicts = new ConflictRpcs(workflow, policy);
    this.reviews = new ReviewRpcs(reviewQueue, policy);
  }

  @Override
  public void getTargetRegistration(
      GetTargetRegistrationRequest request,
      StreamObserver<GetTargetRegistrationResponse> observer) {
    answer(observer, () -> targets.get(request));
  }

  @Override
  public void listTargetRegistrations(
      ListTargetRegistrationsRequest request,
      StreamObserver<ListTargetRegistrationsResponse> observer) {
    answer(observer, () -> targets.list(request));
  }

  @Override
  public void createTargetRegistration(
      CreateTargetRegistrationRequest request,
      StreamObserver<CreateTargetRegistrationResponse> observer) {
    answer(observer, () -> targets.create(request));
  }

  @Override
  public void updateTargetRegistration(
      UpdateTargetRegistrationRequest request,
      StreamObserver<UpdateTargetRegistrationResponse> observer) {
    answer(observer, () -> targets.update(request));
  }

  @Override
  public void renewTargetRegistration(
      RenewTargetRegistrationRequest request,
      StreamObserver<RenewTargetRegistrationResponse> observer) {
    answer(observer, () -> targets.renew(request));
  }

  @Override
  public void withdrawTargetRegistration(
      WithdrawTargetRegistrationRequest request,
      StreamObserver<WithdrawTargetRegistrationResponse> observer) {
    answer(observer, () -> targets.withdraw(request));
  }

  @Override
  public void getEventRegistration(
      GetEventRegistrationRequest request, StreamObserver<GetEventRegistrationResponse> observer) {
    answer(observer, () -> events.get(request));
  }

  @Override
  public void listEventRegistrations(
      ListEventRegistrationsRequest request,
      StreamObserver<ListEventRegistrationsResponse> observer) {
    answer(observer, () -> events.list(request));
  }

  @Override
  public void createEventRegistration(
      CreateEventRegistrationRequest request,
      StreamObserver<CreateEventRegistrationResponse> observer) {
    answer(observer, () -> events.create(request));
  }

  @Override
  public void updateEventRegistration(
      UpdateEventRegistrationRequest request,
      StreamObserver<UpdateEventRegistrationResponse> observer) {
    answer(observer, () -> events.update(request));
  }

  @Override
  public void cancelEventRegistration(
      CancelEventRegistrationRequest request,
      StreamObserver<CancelEventRegistrationResponse> observer) {
    answer(observer, () -> events.cancel(request));
  }

  @Override
  public void checkBeforeActing(
      CheckBeforeActingRequest request, StreamObserver<CheckBeforeActingResponse> observer) {
    answer(observer, () -> checks.check(request));
  }

  @Override
  public void getConflict(
      GetConflictRequest request, StreamObserver<GetConflictResponse> observer) {
    answer(observer, () -> conflicts.get(request));
  }

  @Override
  public void listConflicts(
      ListConflictsRequest request, StreamObserver<ListConflictsResponse> observer) {
    answer(observer, () -> conflicts.list(request));
  }

  @Override
  public void acknowledgeConflict(
      AcknowledgeConflictRequest request, StreamObserver<AcknowledgeConflictResponse> observer) {
    answer(observer, () -> conflicts.acknowledge(request));
  }

  @Override
  public void resolveConflict(
      ResolveConflictRequest request, StreamObserver<ResolveConflictResponse> observer) {
    answer(observer, () -> conflicts.resolve(request));
  }

  @Override
  public void listReviewItems(
      ListReviewItemsRequest request, StreamObserver<ListReviewItemsResponse> observer) {
    answer(observer, () -> reviews.list(request));
  }

  @Override
  public void confirmReviewItem(
      ConfirmReviewItemRequest request, StreamObserver<ConfirmReviewItemResponse> observer) {
    answer(observer, () -> reviews.confirm(request));
  }

  @Override
  public void rejectReviewItem(
      RejectReviewItemRequest request, StreamObserver<RejectReviewItemResponse> observer) {
    answer(observer, () -> reviews.reject(request));
  }
}
