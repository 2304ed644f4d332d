package org.taskforce.gateway.console;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfServerLogoutHandler;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;
import org.taskforce.gateway.transcoding.ErrorBodies;
import reactor.core.publisher.Mono;

/**
 * The gateway as the web console's backend-for-frontend. A browser signs in through Keycloak
 * (authorization code with PKCE, confidential client {@code taskforce-console}); the gateway keeps
 * the tokens in the user's server-side session and hands the browser only an HttpOnly,
 * SameSite=Strict session cookie. The console's calls to {@code /api/v1} carry that cookie and, on
 * unsafe methods, a CSRF token; the gateway relays the user's access token (refreshed as needed) to
 * the services, which authorise exactly as for any bearer-token caller.
 *
 * <p>This chain sees only the console's pages, files, sign-in and sign-out, and API calls that come
 * with a session cookie and no {@code Authorization} header. Everything else — bearer-token REST
 * and gRPC callers — goes on to the gateway's stateless chain, unchanged.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("taskforce.console.client-secret")
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleSecurityConfiguration {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ConsoleSecurityConfiguration.class);

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityWebFilterChain consoleSecurityWebFilterChain(
      ServerHttpSecurity http,
      ConsoleProperties console,
      ReactiveClientRegistrationRepository registrations,
      ServerOAuth2AuthorizedClientRepository authorizedClients,
      ReactiveOAuth2AuthorizedClientManager clientManager,
      ErrorBodies errors,
      ConsoleIdleSessions idleSessions,
      @Value("${taskforce.security.issuer-uri}") String issuerUri) {
    URI browserIssuer = console.browserIssuer(issuerUri);
    String keycloakOrigin = browserIssuer.getScheme() + "://" + browserIssuer.getAuthority();

    var csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
    csrfTokens.setCookieCustomizer(
        cookie -> cookie.sameSite("Strict").path("/").secure(console.secureCookies()));

    var logoutSuccess = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
    logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/");

    return http.securityMatcher(consoleRequests())
        .csrf(csrf ->
            csrf.csrfTokenRepository(csrfTokens)
                .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler()))
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .oauth2Login(login ->
            login
                .clientRegistrationRepository(registrations)
                .authorizedClientRepository(authorizedClients)
                .authenticationFailureHandler(ConsoleSecurityConfiguration::signInFailed))
        .logout(logout ->
            logout
                .logoutUrl(ConsoleRoutes.LOGOUT)
                .logoutHandler(
                    new DelegatingServerLogoutHandler(
                        new SecurityContextServerLogoutHandler(),
                        new CsrfServerLogoutHandler(csrfTokens),
                        new WebSessionServerLogoutHandler()))
                .logoutSuccessHandler(logoutSuccess))
        .headers(headers ->
            headers
                .contentSecurityPolicy(csp ->
                    csp.policyDirectives(
                        contentSecurityPolicy(keycloakOrigin, console.map().origin())))
                .referrerPolicy(r ->
                    r.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER)))
        .authorizeExchange(exchange ->
            exchange
                .pathMatchers(ConsoleRoutes.STATIC.toArray(String[]::new))
                .permitAll()
                .pathMatchers(ConsoleRoutes.LOGIN.toArray(String[]::new))
                .permitAll()
                .anyExchange()
                .authenticated())
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint(errors)))
        // Before anything reads the session's sign-in: an idle session ends here.
        .addFilterBefore(idleSessions.filter(), SecurityWebFiltersOrder.REACTOR_CONTEXT)
        .addFilterAfter(publishCsrfToken(), SecurityWebFiltersOrder.CSRF)
        .addFilterAfter(
            new ConsoleTokenRelayFilter(clientManager, errors),
            SecurityWebFiltersOrder.AUTHORIZATION)
        .build();
  }

  /**
   * No inline script or style, nothing from elsewhere; forms (sign-out) may go on to Keycloak, and
   * images come from the map's tile server when one is configured. Tiles are images: {@code
   * connect-src} stays {@code 'self'}, so script still talks to the gateway alone.
   */
  static String contentSecurityPolicy(String keycloakOrigin, Optional<String> tileOrigin) {
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
        + tileOrigin.map(origin -> " " + origin).orElse("")
        + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self';"
        + " frame-ancestors 'none'; form-action 'self' "
        + keycloakOrigin;
  }

  /**
   * The console's own requests; API calls only when they come with the console's session cookie and
   * without a bearer token, so that API clients keep the gateway's stateless chain.
   */
  private static ServerWebExchangeMatcher consoleRequests() {
    List<ServerWebExchangeMatcher> matchers = new ArrayList<>();
    matchers.add(
        ServerWebExchangeMatchers.pathMatchers(
            HttpMethod.GET, ConsoleRoutes.PAGES.toArray(String[]::new)));
    matchers.add(
        ServerWebExchangeMatchers.pathMatchers(
            HttpMethod.GET, ConsoleRoutes.STATIC.toArray(String[]::new)));
    matchers.add(
        ServerWebExchangeMatchers.pathMatchers(ConsoleRoutes.LOGIN.toArray(String[]::new)));
    matchers.add(
        ServerWebExchangeMatchers.pathMatchers(
            ConsoleRoutes.LOGOUT, ConsoleRoutes.ME, ConsoleRoutes.EVENTS));
    matchers.add(
        new org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher(
            ServerWebExchangeMatchers.pathMatchers(ConsoleRoutes.API),
            exchange ->
                exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                        || !exchange
                            .getRequest()
                            .getCookies()
                            .containsKey(ConsoleRoutes.SESSION_COOKIE)
                    ? ServerWebExchangeMatcher.MatchResult.notMatch()
                    : ServerWebExchangeMatcher.MatchResult.match()));
    return new org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher(
        matchers);
  }

  /**
   * Pages send a signed-out user to Keycloak's sign-in (and back to the page afterwards); API calls
   * and {@code /console/me} answer 401 in the API's error format, for the console to act on.
   */
  private static ServerAuthenticationEntryPoint entryPoint(ErrorBodies errors) {
    ServerAuthenticationEntryPoint unauthenticated =
        (exchange, e) ->
            ConsoleTokenRelayFilter.unauthenticated(
                exchange, errors, "SESSION_REQUIRED", "sign in to the console first");
    var api =
        new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
            ServerWebExchangeMatchers.pathMatchers(
                ConsoleRoutes.API, ConsoleRoutes.ME, ConsoleRoutes.EVENTS),
            unauthenticated);
    var delegating = new DelegatingServerAuthenticationEntryPoint(api);
    delegating.setDefaultEntryPoint(
        new RedirectServerAuthenticationEntryPoint(
            "/oauth2/authorization/" + ConsoleRoutes.REGISTRATION_ID));
    return delegating;
  }

  /**
   * A sign-in Keycloak or the gateway refused (a stale or forged state, an ID token that fails its
   * checks): said in words with a way to try again, instead of a redirect to a page that is not.
   */
  private static Mono<Void> signInFailed(
      org.springframework.security.web.server.WebFilterExchange exchange,
      org.springframework.security.core.AuthenticationException e) {
    String code =
        e instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException o
            ? o.getError().getErrorCode()
            : "sign_in_failed";
    LOG.warn("console sign-in refused: {}", code);
    var response = exchange.getExchange().getResponse();
    response.setStatusCode(org.springframework.http.HttpStatus.UNAUTHORIZED);
    response.getHeaders().setContentType(org.springframework.http.MediaType.TEXT_HTML);
    byte[] body =
        ("<!doctype html><title>Sign-in failed</title><h1>Sign-in failed</h1><p>Keycloak's answer"
                + " could not be accepted ("
                + org.springframework.web.util.HtmlUtils.htmlEscape(code)
                + ").</p><p><a href=\"/oauth2/authorization/keycloak\">Sign in again</a></p>")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }

  /** The CSRF token is made lazily; subscribing to it writes the XSRF-TOKEN cookie. */
  private static WebFilter publishCsrfToken() {
    return (exchange, chain) -> {
      Mono<?> token =
          exchange.getAttributeOrDefault(
              org.springframework.security.web.server.csrf.CsrfToken.class.getName(), Mono.empty());
      return token.then(chain.filter(exchange));
    };
  }
}
