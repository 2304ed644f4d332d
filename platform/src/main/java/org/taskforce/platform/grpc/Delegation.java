package org.taskforce.platform.grpc;

import io.grpc.Metadata;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.AgencyType;
import org.taskforce.platform.security.Roles;

/**
 * Work a service finishes for a user after the user's token has expired, such as case-service
 * registering a subject with deconfliction from its outbox an hour after deconfliction came back.
 * The call carries the <em>service's</em> token plus the header {@value #HEADER_NAME} naming the
 * user it acts for; the callee accepts the header only from a verified token with the {@code
 * service} role and then authorises the named user exactly as if the user had called. A user's or
 * partner's token with the header is refused: only Taskforce's own services may act for someone.
 */
public final class Delegation {
  public static final String HEADER_NAME = "x-taskforce-on-behalf-of";
  static final Metadata.Key<String> HEADER =
      Metadata.Key.of(HEADER_NAME, Metadata.ASCII_STRING_MARSHALLER);

  private Delegation() {}

  /** The header value naming {@code user}: URL-encoded fields, ASCII only. */
  public static String encode(AgencyPrincipal user) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("sub", user.subject());
    fields.put("name", user.displayName());
    fields.put("kind", user.kind().name());
    fields.put("agency", user.agencyId());
    fields.put("agency_type", user.agencyType().name());
    fields.put("roles", String.join(",", user.roles()));
    return fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /**
   * The user a verified {@code service} acts for. The user keeps the service's client id, so audit
   * trails show both who and through which service.
   */
  public static AgencyPrincipal decode(String header, AgencyPrincipal service) {
    if (!service.isService()) {
      throw new TaskforceException(
          ErrorKind.PERMISSION_DENIED,
          "DELEGATION_NOT_ALLOWED",
          "only Taskforce services may send " + HEADER_NAME);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : header.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    String subject = fields.get("sub");
    String agency = fields.get("agency");
    AgencyType type = AgencyType.fromClaim(fields.get("agency_type")).orElse(null);
    if (subject == null
        || subject.isBlank()
        || agency == null
        || agency.isBlank()
        || type == null) {
      throw new TaskforceException(
          ErrorKind.UNAUTHENTICATED,
          "DELEGATION_MALFORMED",
          HEADER_NAME + " must name sub, agency and agency_type");
    }
    String roles = fields.getOrDefault("roles", "");
    AgencyPrincipal.Kind kind =
        "CLIENT".equals(fields.get("kind"))
            ? AgencyPrincipal.Kind.CLIENT
            : AgencyPrincipal.Kind.USER;
    return new AgencyPrincipal(
        subject,
        fields.getOrDefault("name", subject),
        service.clientId(),
        kind,
        agency,
        type,
        roles.isBlank()
            ? Set.of()
            : Arrays.stream(roles.split(","))
                // A user named this way never acts as a service: no chains of delegation.
                .filter(r -> !r.isBlank() && !r.equals(Roles.SERVICE))
                .collect(Collectors.toUnmodifiableSet()));
  }
}
