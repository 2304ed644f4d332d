package org.taskforce.notifications.adapter.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import org.taskforce.notifications.application.port.NotificationRenderer;
import org.taskforce.notifications.domain.Notification;

/** A webhook body: the contract's Notification message in proto3 JSON. */
public final class JsonNotificationRenderer implements NotificationRenderer {
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer().omittingInsignificantWhitespace();

  @Override
  public String json(Notification notification) {
    try {
      return PRINTER.print(NotificationMapping.toProto(notification));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }
}
