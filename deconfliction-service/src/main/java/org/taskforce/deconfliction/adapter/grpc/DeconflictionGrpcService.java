package org.taskforce.deconfliction.adapter.grpc;

import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import org.taskforce.api.deconfliction.v1.DeconflictionServiceGrpc;
import org.taskforce.deconfliction.application.CheckBeforeActing;
import org.taskforce.deconfliction.application.ConflictWorkflow;
import org.taskforce.deconfliction.application.DisclosurePolicy;
import org.taskforce.deconfliction.application.EventRegistrationChanges;
import org.taskforce.deconfliction.application.EventRegistrations;
import org.taskforce.deconfliction.application.ReviewQueue;
import org.taskforce.deconfliction.application.TargetRegistrationChanges;
import org.taskforce.deconfliction.application.TargetRegistrations;
import org.taskforce.platform.grpc.UnaryCalls;

/**
 * The DeconflictionService contract, routed by resource: target registrations ({@link TargetRpcs}),
 * event registrations ({@link EventRpcs}), check before acting ({@link CheckRpcs}), conflicts
 * ({@link ConflictRpcs}) and the review queue ({@link ReviewRpcs}). Nothing happens here but the
 * routing; authorisation lives in the use cases.
 */
public final class DeconflictionGrpcService implements BindableService {
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
  public ServerServiceDefinition bindService() {
    return UnaryCalls.service(DeconflictionServiceGrpc.getServiceDescriptor())
        .route(DeconflictionServiceGrpc.getGetTargetRegistrationMethod(), targets::get)
        .route(DeconflictionServiceGrpc.getListTargetRegistrationsMethod(), targets::list)
        .route(DeconflictionServiceGrpc.getCreateTargetRegistrationMethod(), targets::create)
        .route(DeconflictionServiceGrpc.getUpdateTargetRegistrationMethod(), targets::update)
        .route(DeconflictionServiceGrpc.getRenewTargetRegistrationMethod(), targets::renew)
        .route(DeconflictionServiceGrpc.getWithdrawTargetRegistrationMethod(), targets::withdraw)
        .route(DeconflictionServiceGrpc.getGetEventRegistrationMethod(), events::get)
        .route(DeconflictionServiceGrpc.getListEventRegistrationsMethod(), events::list)
        .route(DeconflictionServiceGrpc.getCreateEventRegistrationMethod(), events::create)
        .route(DeconflictionServiceGrpc.getUpdateEventRegistrationMethod(), events::update)
        .route(DeconflictionServiceGrpc.getCancelEventRegistrationMethod(), events::cancel)
        .route(DeconflictionServiceGrpc.getCheckBeforeActingMethod(), checks::check)
        .route(DeconflictionServiceGrpc.getGetConflictMethod(), conflicts::get)
        .route(DeconflictionServiceGrpc.getListConflictsMethod(), conflicts::list)
        .route(DeconflictionServiceGrpc.getAcknowledgeConflictMethod(), conflicts::acknowledge)
        .route(DeconflictionServiceGrpc.getResolveConflictMethod(), conflicts::resolve)
        .route(DeconflictionServiceGrpc.getListReviewItemsMethod(), reviews::list)
        .route(DeconflictionServiceGrpc.getConfirmReviewItemMethod(), reviews::confirm)
        .route(DeconflictionServiceGrpc.getRejectReviewItemMethod(), reviews::reject)
        .build();
  }
}
