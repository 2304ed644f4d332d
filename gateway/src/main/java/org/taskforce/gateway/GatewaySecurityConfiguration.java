package org.taskforce.gateway;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.taskforce.gateway.config.GatewayProperties;
import org.taskforce.gateway.transcoding.ErrorBodies;
import org.taskforce.gateway.web.GrpcAwareAuthenticationEntryPoint;
import org.taskforce.gateway.web.KeycloakPathFilter;
import org.taskforce.gateway.web.KeycloakPaths;
import org.taskforce.gateway.web.RequestIdFilter;
import org.taskforce.gateway.web.VerifiedTokenCache;

/** Who may call: Keycloak tokens checked, the realm's public pages, security headers and CORS. */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewaySecurityConfiguration {

  /** The realm of the issuer the gateway trusts is the only one it serves. */
  @Bean
  KeycloakPaths keycloakPaths(
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer) {
    return KeycloakPaths.ofIssuer(issuer);
  }

  @Bean
  KeycloakPathFilter keycloakPathFilter(KeycloakPaths paths, ErrorBodies errors) {
    return new KeycloakPathFilter(paths, errors);
  }

  /**
   * Spring Security would otherwise wrap each of its filters, and each authentication and
   * authorisation, in an observation on every request — a sizeable share of the gateway's own work
   * on a small call. Requests are still timed as {@code http.server.requests} and, per route, as
   * {@code spring.cloud.gateway.requests}.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * Keycloak tokens checked against the realm's keys (fetched from the JWKS endpoint and cached),
   * issuer, audience and time; a token's signature is verified once and its claims on every call.
   */
  @Bean
  ReactiveJwtDecoder jwtDecoder(
      @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
      @Value("${spring.security.oauth2.resourceserver.jwt.audiences}") List<String> audiences) {
    OAuth2TokenValidator<Jwt> validator =
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(issuer),
            new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD,
                aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
    NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).build();
    nimbus.setJwtValidator(validator);
    return new VerifiedTokenCache(nimbus, validator, Clock.systemUTC(), 10_000);
  }

  /**
   * Everything needs a valid Keycloak token except health probes and metrics (on the management
   * port, which the Ingress does not reach), the OpenAPI description and the realm's own public
   * pages (sign-in, tokens, keys), which Keycloak protects itself. Security headers suit a browser
   * front end served from the gateway's origin; cross-origin calls only from the configured
   * origins.
   */
  @Bean
  SecurityWebFilterChain securityWebFilterChain(
      ServerHttpSecurity http,
      GatewayProperties properties,
      ErrorBodies errors,
      KeycloakPaths keycloak) {
    var entryPoint = new GrpcAwareAuthenticationEntryPoint(errors);
    String[] publicPaths = keycloak.routePatterns();
    // Stateless: bearer tokens only, no sessions, no saved requests, no login or logout pages.
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
        .cors(cors -> cors.configurationSource(cors(properties.gateway().corsAllowedOrigins())))
        .headers(headers ->
            headers
                .contentSecurityPolicy(csp ->
                    csp.policyDirectives(
                        "default-src 'self'; frame-ancestors 'none'; object-src 'none';"
                            + " base-uri 'self'"))
                .referrerPolicy(r ->
                    r.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER)))
        .authorizeExchange(exchange ->
            exchange
                .pathMatchers(
                    "/actuator/health/**",
                    "/actuator/health",
                    "/actuator/prometheus",
                    "/api/v1/openapi.json")
                .permitAll()
                .pathMatchers(publicPaths)
                .permitAll()
                .anyExchange()
                .authenticated())
        .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
        .oauth2ResourceServer(
            oauth -> oauth.jwt(Customizer.withDefaults()).authenticationEntryPoint(entryPoint))
        .build();
  }

  private static UrlBasedCorsConfigurationSource cors(List<String> allowedOrigins) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    if (!allowedOrigins.isEmpty()) {
      CorsConfiguration config = new CorsConfiguration();
      config.setAllowedOrigins(allowedOrigins);
      config.setAllowedMethods(List.of("GET", "POST", "PATCH", "DELETE"));
      config.setAllowedHeaders(List.of("Authorization", "Content-Type", RequestIdFilter.HEADER));
      config.setExposedHeaders(List.of(RequestIdFilter.HEADER, "Retry-After"));
      config.setMaxAge(3600L);
      source.registerCorsConfiguration("/api/**", config);
    }
    return source;
  }
}
