package org.taskforce.gateway;

import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import reactor.netty.http.HttpProtocol;

@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class GatewayConfiguration {

  /** Backends speak gRPC over HTTP/2 cleartext; without this the proxy answers HTTP 500. */
  @Bean
  HttpClientCustomizer h2cToBackends() {
    return client -> client.protocol(HttpProtocol.H2C);
  }

  /**
   * Everything needs a valid Keycloak token, except the health probes and Keycloak's own public
   * pages (sign-in, token and key endpoints), which it protects itself.
   */
  @Bean
  SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .authorizeExchange(exchange ->
            exchange
                .pathMatchers("/actuator/health/**", "/actuator/health")
                .permitAll()
                .anyExchange()
                .authenticated())
        .oauth2ResourceServer(oauth -> oauth.jwt(Customizer.withDefaults()))
        .build();
  }
}
