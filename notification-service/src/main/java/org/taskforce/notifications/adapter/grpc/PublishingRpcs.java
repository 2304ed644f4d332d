package org.taskforce.notifications.adapter.grpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.taskforce.api.notifications.v1.BatchPublishNotificationsRequest;
import org.taskforce.api.notifications.v1.BatchPublishNotificationsResponse;
import org.taskforce.api.notifications.v1.PublishNotificationRequest;
import org.taskforce.api.notifications.v1.PublishNotificationResponse;
import org.taskforce.notifications.application.Publication;
import org.taskforce.notifications.application.PublicationBatch;
import org.taskforce.notifications.application.PublishNotifications;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.grpc.ProtoTimes;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * PublishNotification and BatchPublishNotifications. Who may publish is decided before the body is
 * looked at; then the wire's enums and times are decoded, and only when they all are the
 * publications are made (and check themselves).
 */
public final class PublishingRpcs {
  private final PublishNotifications publishing;

  public PublishingRpcs(PublishNotifications publishing) {
    this.publishing = publishing;
  }

  PublishNotificationResponse publish(PublishNotificationRequest request) {
    AgencyPrincipal caller = CallerContext.principal();
    PublishNotifications.requireService(caller); // whatever the body holds
    Violations violations = new Violations();
    Decoded decoded = decode(request, "", violations);
    violations.throwIfAny();
    return response(publishing.publish(caller, decoded.publication()));
  }

  BatchPublishNotificationsResponse batchPublish(BatchPublishNotificationsRequest request) {
    AgencyPrincipal caller = CallerContext.principal();
    PublishNotifications.requireService(caller);
    int count = request.getRequestsCount();
    Violations violations = new Violations();
    if (count > PublicationBatch.MAX) {
      violations.add(
          "requests", "at most " + PublicationBatch.MAX + " publications per call, got " + count);
    }
    List<Decoded> decoded = new ArrayList<>(count);
    for (int index = 0; index < count && count <= PublicationBatch.MAX; index++) {
      decoded.add(decode(request.getRequests(index), "requests[" + index + "].", violations));
    }
    violations.throwIfAny();
    List<Publication> publications = new ArrayList<>(count);
    for (int index = 0; index < decoded.size(); index++) {
      publications.add(
          Commands.made(violations, "requests[" + index + "]", decoded.get(index)::publication));
    }
    violations.throwIfAny();
    BatchPublishNotificationsResponse.Builder out = BatchPublishNotificationsResponse.newBuilder();
    publishing
        .publishAll(caller, new PublicationBatch(publications))
        .forEach(published -> out.addResponses(response(published)));
    return out.build();
  }

  /** A request whose enums and deadline are decoded, not yet checked as a publication. */
  private record Decoded(
      PublishNotificationRequest request, String kind, String severity, Instant deadline) {
    Publication publication() {
      List<Notification.Recipient> recipients = new ArrayList<>();
      request
          .getRecipientsList()
          .forEach(recipient ->
              recipients.add(
                  new Notification.Recipient(
                      recipient.getAgencyId(), recipient.getUserSubject(), recipient.getRole())));
      return new Publication(
          request.getEventId(),
          recipients,
          kind,
          severity,
          request.getTitle(),
          request.getBody(),
          request.getResource(),
          request.getAttributesMap(),
          request.getRequiresAcknowledgement(),
          deadline);
    }
  }

  private static Decoded decode(
      PublishNotificationRequest request, String prefix, Violations violations) {
    return new Decoded(
        request,
        NotificationMapping.kind(request.getKindValue(), prefix + "kind", violations),
        NotificationMapping.severity(request.getSeverityValue(), prefix + "severity", violations),
        deadline(request, prefix, violations));
  }

  /** The deadline asked for, or none; an impossible time is a violation among the others. */
  private static Instant deadline(
      PublishNotificationRequest request, String prefix, Violations violations) {
    if (!request.hasAcknowledgeDeadline()) {
      return null;
    }
    String field = prefix + "acknowledge_deadline";
    if (!ProtoTimes.isValid(request.getAcknowledgeDeadline())) {
      violations.add(field, "must be a time between 0001-01-01 and 9999-12-31");
      return null;
    }
    return ProtoTimes.instant(request.getAcknowledgeDeadline(), field);
  }

  private static PublishNotificationResponse response(PublishNotifications.Published published) {
    return PublishNotificationResponse.newBuilder()
        .addAllNotificationIds(published.notificationIds())
        .setDuplicate(published.duplicate())
        .build();
  }
}
