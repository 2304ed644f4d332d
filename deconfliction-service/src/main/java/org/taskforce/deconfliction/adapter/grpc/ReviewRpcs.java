package org.taskforce.deconfliction.adapter.grpc;

import static org.taskforce.platform.grpc.RpcFields.caller;
import static org.taskforce.platform.grpc.RpcFields.requireId;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.taskforce.api.deconfliction.v1.ConfirmReviewItemRequest;
import org.taskforce.api.deconfliction.v1.ConfirmReviewItemResponse;
import org.taskforce.api.deconfliction.v1.ListReviewItemsRequest;
import org.taskforce.api.deconfliction.v1.ListReviewItemsResponse;
import org.taskforce.api.deconfliction.v1.RejectReviewItemRequest;
import org.taskforce.api.deconfliction.v1.RejectReviewItemResponse;
import org.taskforce.api.deconfliction.v1.ReviewItemStatus;
import org.taskforce.deconfliction.application.DisclosurePolicy;
import org.taskforce.deconfliction.application.ReviewQueue;
import org.taskforce.deconfliction.domain.ReviewItem;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.ProtoEnums;
import org.taskforce.platform.paging.Page;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * The DeconflictionService RPCs of the watch officers' review queue: list, confirm, reject: decode,
 * one use case, encode.
 */
final class ReviewRpcs {
  private final ReviewQueue reviews;
  private final DisclosurePolicy policy;

  ReviewRpcs(ReviewQueue reviews, DisclosurePolicy policy) {
    this.reviews = reviews;
    this.policy = policy;
  }

  ListReviewItemsResponse list(ListReviewItemsRequest request) {
    Violations violations = new Violations();
    Set<ReviewItem.Status> statuses = EnumSet.noneOf(ReviewItem.Status.class);
    List<ReviewItemStatus> asked =
        ProtoEnums.known(request.getStatusesList(), "statuses", violations);
    violations.throwIfAny();
    asked.forEach(status -> statuses.add(ProtoEnums.toDomain(status, ReviewItem.Status.class)));
    Page<ReviewItem> page =
        reviews.listReviews(caller(), statuses, request.getPageSize(), request.getPageToken());
    ListReviewItemsResponse.Builder response =
        ListReviewItemsResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.items().forEach(i -> response.addReviewItems(ConflictMapping.review(i)));
    return response.build();
  }

  ConfirmReviewItemResponse confirm(ConfirmReviewItemRequest request) {
    AgencyPrincipal caller = caller();
    ReviewQueue.Confirmed confirmed =
        reviews.confirm(
            caller, requireId("review_item_id", request.getReviewItemId()), request.getNote());
    return ConfirmReviewItemResponse.newBuilder()
        .setReviewItem(ConflictMapping.review(confirmed.item()))
        .setConflict(ConflictMapping.conflict(confirmed.conflict(), caller, policy))
        .build();
  }

  RejectReviewItemResponse reject(RejectReviewItemRequest request) {
    return RejectReviewItemResponse.newBuilder()
        .setReviewItem(
            ConflictMapping.review(
                reviews.reject(
                    caller(),
                    requireId("review_item_id", request.getReviewItemId()),
                    request.getNote())))
        .build();
  }
}
