package org.taskforce.platform.grpc;

import io.grpc.Metadata;
import java.util.UUID;
import java.util.regex.Pattern;

/** The {@code x-request-id} header: taken from the caller when sane, otherwise made here. */
public final class RequestIds {
  public static final Metadata.Key<String> HEADER =
      Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER);
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private RequestIds() {}

  public static String fromHeaders(Metadata headers) {
    String given = headers.get(HEADER);
    return given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
  }
}
