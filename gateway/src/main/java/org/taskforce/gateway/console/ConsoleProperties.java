package org.taskforce.gateway.console;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web console's sign-in ({@code taskforce.console.*}). The console is on when a client secret
 * is configured; without one the gateway stays a bearer-token API only.
 *
 * @param clientId the confidential Keycloak client the gateway signs users in with
 * @param clientSecret its secret
 * @param issuerUri the realm as the gateway reaches it (tokens, keys); empty: {@code
 *     taskforce.security.issuer-uri}
 * @param browserIssuerUri the realm as browsers reach it (sign-in and sign-out pages); empty: the
 *     issuer
 * @param secureCookies mark the session and CSRF cookies {@code Secure} (behind TLS, always)
 * @param sessionIdleTimeout a session unused this long ends (the realm's SSO idle timeout)
 * @param eventHeartbeat how often an idle event stream ({@code /console/events}) says it is alive
 * @param eventSessionCheck how often an event stream checks that its session has not ended
 */
@ConfigurationProperties("taskforce.console")
public record ConsoleProperties(
    @DefaultValue("taskforce-console") String clientId,
    String clientSecret,
    @DefaultValue("") String issuerUri,
    @DefaultValue("") String browserIssuerUri,
    @DefaultValue("false") boolean secureCookies,
    @DefaultValue("30m") Duration sessionIdleTimeout,
    @DefaultValue("15s") Duration eventHeartbeat,
    @DefaultValue("5s") Duration eventSessionCheck) {

  URI issuer(String securityIssuer) {
    return URI.create(issuerUri.isBlank() ? securityIssuer : issuerUri);
  }

  URI browserIssuer(String securityIssuer) {
    return browserIssuerUri.isBlank() ? issuer(securityIssuer) : URI.create(browserIssuerUri);
  }
}
