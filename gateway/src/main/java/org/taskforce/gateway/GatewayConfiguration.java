package org.taskforce.gateway;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.taskforce.gateway.config.GatewayProperties;
import org.taskforce.gateway.transcoding.ApiDescriptors;
import org.taskforce.gateway.transcoding.ErrorBodies;
import org.taskforce.gateway.transcoding.OpenApiDocument;
import org.taskforce.gateway.transcoding.RestRoutes;
import org.taskforce.gateway.web.BackendCircuitBreakers;
import org.taskforce.gateway.web.BackendsHealthIndicator;
import org.taskforce.gateway.web.GrpcBackends;
import org.taskforce.gateway.web.GrpcPassThroughFilter;
import org.taskforce.gateway.web.GrpcStatusDetailsTrailersFilter;
import org.taskforce.gateway.web.KeycloakPaths;
import org.taskforce.gateway.web.RestTranscodingHandler;
import reactor.netty.http.HttpProtocol;

/**
 * Routing: REST/JSON transcoded to gRPC under /api/v1, gRPC passed through to the backends, each
 * behind its circuit breaker. Security is in {@link GatewaySecurityConfiguration}, the filters
 * every request passes in {@link RequestFilterConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
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

  /** Backends speak gRPC over HTTP/2 cleartext; without this the proxy answers HTTP 500. */
  @Bean
  HttpClientCustomizer h2cToBackends() {
    return client -> client.protocol(HttpProtocol.H2C);
  }
}
