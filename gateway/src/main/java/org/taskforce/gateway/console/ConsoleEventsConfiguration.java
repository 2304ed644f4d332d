package org.taskforce.gateway.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.taskforce.gateway.transcoding.ErrorBodies;
import org.taskforce.gateway.web.GrpcBackends;

/** The console's live updates ({@link ConsoleEventStream}), on when the console is. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("taskforce.console.client-secret")
class ConsoleEventsConfiguration {
  @Bean
  RouterFunction<ServerResponse> consoleEvents(
      ConsoleProperties console,
      ReactiveOAuth2AuthorizedClientManager clients,
      GrpcBackends backends,
      ErrorBodies errors,
      ConsoleIdleSessions idleSessions) {
    var events =
        new ConsoleEventStream(
            clients,
            new NotificationRelay(backends),
            errors,
            console.eventHeartbeat(),
            console.eventSessionCheck(),
            idleSessions::ended);
    return RouterFunctions.route(RequestPredicates.GET(ConsoleRoutes.EVENTS), events::stream);
  }
}
