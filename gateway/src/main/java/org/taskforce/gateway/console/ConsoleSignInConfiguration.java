package org.taskforce.gateway.console;

import java.net.URI;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.taskforce.gateway.transcoding.ErrorBodies;

/**
 * Who the console's user is: the Keycloak client the gateway signs users in with (authorization
 * code with PKCE, confidential client {@code taskforce-console}), the user's tokens kept in the
 * session and refreshed as needed, and the console's pages and {@code /console/me}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("taskforce.console.client-secret")
@EnableConfigurationProperties(ConsoleProperties.class)
class ConsoleSignInConfiguration {

  @Bean
  ReactiveClientRegistrationRepository consoleClientRegistrations(
      ConsoleProperties console, @Value("${taskforce.security.issuer-uri}") String issuerUri) {
    URI issuer = console.issuer(issuerUri);
    URI browser = console.browserIssuer(issuerUri);
    // Endpoints spelled out rather than discovered, so the gateway starts while Keycloak does not.
    ClientRegistration keycloak =
        ClientRegistration.withRegistrationId(ConsoleRoutes.REGISTRATION_ID)
            .clientId(console.clientId())
            .clientSecret(console.clientSecret())
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .scope("openid", "profile", "email")
            .issuerUri(issuer.toString())
            .authorizationUri(browser + "/protocol/openid-connect/auth")
            .tokenUri(issuer + "/protocol/openid-connect/token")
            .jwkSetUri(issuer + "/protocol/openid-connect/certs")
            .userInfoUri(issuer + "/protocol/openid-connect/userinfo")
            .userNameAttributeName("preferred_username")
            .providerConfigurationMetadata(
                Map.of("end_session_endpoint", browser + "/protocol/openid-connect/logout"))
            .clientName("Keycloak")
            // PKCE for the confidential client too (OAuth 2.0 Security Best Current Practice).
            .clientSettings(
                ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
            .build();
    return new InMemoryReactiveClientRegistrationRepository(keycloak);
  }

  /** Tokens live in the user's session: gone when it ends, never shared between users. */
  @Bean
  ServerOAuth2AuthorizedClientRepository consoleAuthorizedClients() {
    return new WebSessionServerOAuth2AuthorizedClientRepository();
  }

  @Bean
  ReactiveOAuth2AuthorizedClientManager consoleAuthorizedClientManager(
      ReactiveClientRegistrationRepository registrations,
      ServerOAuth2AuthorizedClientRepository authorizedClients) {
    var manager =
        new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
    manager.setAuthorizedClientProvider(
        ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
            .authorizationCode()
            .refreshToken()
            .build());
    return manager;
  }

  @Bean
  ConsoleUserHandler consoleUserHandler(
      ReactiveOAuth2AuthorizedClientManager clients,
      ReactiveJwtDecoder jwtDecoder,
      ErrorBodies errors,
      ConsoleProperties console) {
    return new ConsoleUserHandler(clients, jwtDecoder, errors, console.map());
  }

  @Bean
  RouterFunction<ServerResponse> consolePages(ConsoleUserHandler me) {
    return ConsolePages.routes(me);
  }
}
