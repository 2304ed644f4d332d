package org.taskforce.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
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
import org.springframework.util.unit.DataSize;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.taskforce.gateway.config.GatewayProperties;
import org.taskforce.gateway.transcoding.ApiDescriptors;
import org.taskforce.gateway.transcoding.ErrorBodies;
import org.taskforce.gateway.transcoding.OpenApiDocument;
import org.taskforce.gateway.transcoding.RestRoutes;
import org.taskforce.gateway.web.AccessLogFilter;
import org.taskforce.gateway.web.AnonymousRateLimitFilter;
import org.taskforce.gateway.web.BackendCircuitBreakers;
import org.taskforce.gateway.web.BackendsHealthIndicator;
import org.taskforce.gateway.web.GrpcAwareAuthenticationEntryPoint;
import org.taskforce.gateway.web.GrpcBackends;
import org.taskforce.gateway.web.GrpcPassThroughFilter;
import org.taskforce.gateway.web.GrpcStatusDetailsTrailersFilter;
import org.taskforce.gateway.web.KeycloakPathFilter;
import org.taskforce.gateway.web.KeycloakPaths;
import org.taskforce.gateway.web.RateLimitFilter;
import org.taskforce.gateway.web.RateLimiters;
import org.taskforce.gateway.web.RejectedRequestHandler;
import org.taskforce.gateway.web.RequestHeadLimitFilter;
import org.taskforce.gateway.web.RequestIdFilter;
import org.taskforce.gateway.web.RestTranscodingHandler;
import org.taskforce.gateway.web.VerifiedTokenCache;
import reactor.netty.http.HttpProtocol;

@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(GatewayProperties.class)
class GatewayConfiguration {

  @Bean
  ApiDescriptors apiDescriptors() {
    return ApiDescriptors.load();
  }

  @Bean
  RestRoutes restRoutes(ApiDescriptors descriptors) {
    return new RestRoutes(descriptors);
  }

  @Bean
  ErrorBodies errorBodies(ApiDescriptors descriptors) {
    return new ErrorBodies(descriptors);
  }

  @Bean(destroyMethod = "close")
  GrpcBackends grpcBackends(GatewayProperties properties) {
    return new GrpcBackends(properties);
  }

  @Bean
  BackendCircuitBreakers backendCircuitBreakers(GatewayProperties properties) {
    return new BackendCircuitBreakers(properties.gateway().circuitBreaker());
  }

  @Bean
  BackendsHealthIndicator backendsHealthIndicator(
      GatewayProperties properties, GrpcBackends backends, BackendCircuitBreakers breakers) {
    return new BackendsHealthIndicator(properties, backends, breakers);
  }

  @Bean
  GrpcStatusDetailsTrailersFilter grpcStatusDetailsTrailersFilter() {
    return new GrpcStatusDetailsTrailersFilter();
  }

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
   * 431 / 414 with the JSON error body for headers over {@code taskforce.gateway.max-header-size}
   * and URIs over {@code taskforce.gateway.max-uri-length}.
   */
  @Bean
  RequestHeadLimitFilter requestHeadLimitFilter(
      @Value("${taskforce.gateway.max-header-size:8KB}") DataSize maxHeaders,
      @Value("${taskforce.gateway.max-uri-length:8192}") int maxUri,
      ErrorBodies errors) {
    return new RequestHeadLimitFilter(maxHeaders.toBytes(), maxUri, errors);
  }

  /** Requests Spring Security's firewall refuses: 400 with the JSON error body. */
  @Bean
  RejectedRequestHandler rejectedRequestHandler(ErrorBodies errors) {
    return new RejectedRequestHandler(errors);
  }

  @Bean
  RequestIdFilter requestIdFilter() {
    return new RequestIdFilter();
  }

  @Bean
  AccessLogFilter accessLogFilter() {
    return new AccessLogFilter();
  }

  /**
   * The agencies', users' and addresses' buckets: in memory per replica, or shared by all replicas
   * in MongoDB when a URI is configured.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnBooleanProperty(
      name = "taskforce.gateway.rate-limit.enabled",
      matchIfMissing = true)
  RateLimiters rateLimiters(GatewayProperties properties) {
    return RateLimiters.of(properties.gateway().rateLimit(), Clock.systemUTC());
  }

  @Bean
  @ConditionalOnBooleanProperty(
      name = "taskforce.gateway.rate-limit.enabled",
      matchIfMissing = true)
  RateLimitFilter rateLimitFilter(RateLimiters limiters, ErrorBodies errors) {
    return new RateLimitFilter(limiters.users(), limiters.groups(), errors);
  }

  @Bean
  @ConditionalOnBooleanProperty(
      name = "taskforce.gateway.rate-limit.enabled",
      matchIfMissing = true)
  AnonymousRateLimitFilter anonymousRateLimitFilter(
      RateLimiters limiters, GatewayProperties properties, ErrorBodies errors) {
    return new AnonymousRateLimitFilter(
        limiters.anonymous(),
        limiters.users(),
        properties.gateway().rateLimit().trustForwardedFor(),
        errors);
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

  /** REST/JSON under /api/v1, transcoded from the protos' annotations; the OpenAPI beside it. */
  @Bean
  RouterFunction<ServerResponse> restApi(
      ApiDescriptors descriptors,
      RestRoutes routes,
      GrpcBackends backends,
      BackendCircuitBreakers breakers,
      ErrorBodies errors,
      GatewayProperties properties,
      @Value("${taskforce.api-version:v1}") String version,
      @Value("${spring.codec.max-in-memory-size:256KB}") DataSize maxBody) {
    var handler =
        new RestTranscodingHandler(
            descriptors,
            routes,
            backends,
            breakers,
            errors,
            properties.gateway(),
            maxBody.toBytes());
    // Encoded once: the description is large and the same for every caller.
    byte[] openApi = OpenApiDocument.generate(routes, version).getBytes(StandardCharsets.UTF_8);
    return RouterFunctions.route(
            RequestPredicates.GET("/api/v1/openapi.json"),
            r ->
                ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .contentLength(openApi.length)
                    .bodyValue(openApi))
        .andRoute(RequestPredicates.path("/api/v1/**"), handler::handle);
  }

  /**
   * gRPC pass-through: one route per backend matching its services' method paths ({@code
   * /taskforce.cases.v1.CaseService/*}), inside the backend's circuit breaker; and the configured
   * realm's public pages on the same origin ({@link KeycloakPaths}; other realms are 404).
   */
  @Bean
  RouteLocator grpcRoutes(
      RouteLocatorBuilder builder,
      GatewayProperties properties,
      BackendCircuitBreakers breakers,
      ErrorBodies errors,
      KeycloakPaths keycloak) {
    Map<String, List<String>> servicesByBackend = new LinkedHashMap<>();
    properties
        .gateway()
        .services()
        .forEach((service, backend) ->
            servicesByBackend
                .computeIfAbsent(backend, b -> new java.util.ArrayList<>())
                .add("/" + service + "/**"));
    RouteLocatorBuilder.Builder routes = builder.routes();
    servicesByBackend.forEach((backend, paths) ->
        routes.route(
            backend + "-grpc",
            r ->
                r.path(paths.toArray(String[]::new))
                    .filters(f -> f.filter(new GrpcPassThroughFilter(backend, breakers, errors)))
                    .uri(properties.backends().get(backend))));
    if (properties.backends().containsKey("keycloak")) {
      routes.route(
          "keycloak-public",
          r ->
              r.path(keycloak.routePatterns())
                  .and()
                  .predicate(e -> keycloak.allowed(e.getRequest().getURI().getRawPath()))
                  .uri(properties.backends().get("keycloak")));
    }
    return routes.build();
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

  /** Backends speak gRPC over HTTP/2 cleartext; without this the proxy answers HTTP 500. */
  @Bean
  HttpClientCustomizer h2cToBackends() {
    return client -> client.protocol(HttpProtocol.H2C);
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
