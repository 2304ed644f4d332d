package org.taskforce.gateway.console;

import java.time.Clock;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.taskforce.gateway.console.session.MongoSessionRepository;
import org.taskforce.gateway.console.session.SessionAttributeCodec;
import org.taskforce.gateway.console.session.SessionDatabase;
import org.taskforce.platform.crypto.FieldSealer;
import org.taskforce.platform.jobs.PeriodicJob;
import org.taskforce.platform.mongo.MongoProperties;

/**
 * Where the console's sessions live: Spring Session's {@code WebSession} support over our own
 * MongoDB repository ({@link MongoSessionRepository}; Spring Session's MongoDB module has no
 * release for Spring Boot 4), so sessions survive a restart of the gateway and every replica sees
 * the same ones; the session cookie; and the realm's idle timeout.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("taskforce.console.client-secret")
@EnableSpringWebSession
@EnableConfigurationProperties({ConsoleProperties.class, MongoProperties.class})
class ConsoleSessionConfiguration {
  static final String SESSION_KEY_PROPERTY = "taskforce.console.session-key";

  @Bean(destroyMethod = "close")
  SessionDatabase consoleSessionDatabase(
      MongoProperties mongo, @Value("${spring.application.name:gateway}") String application) {
    return SessionDatabase.open(mongo, application);
  }

  @Bean
  MongoSessionRepository consoleSessionRepository(
      SessionDatabase database, ConsoleProperties console, MongoProperties mongo) {
    FieldSealer sealer =
        FieldSealer.configured(
            SESSION_KEY_PROPERTY,
            console.sessionKey(),
            console.sessionPreviousKeys(),
            mongo.embedded());
    var repository =
        new MongoSessionRepository(
            database.database(),
            new SessionAttributeCodec(sealer),
            console.sessionStoreTimeout(),
            Set.of(ConsoleIdleSessions.LAST_ACTIVITY),
            Clock.systemUTC());
    try {
      repository.createIndexes();
    } catch (com.mongodb.MongoException e) {
      // Only the TTL index of a real MongoDB; the sweep deletes expired sessions regardless.
      org.slf4j.LoggerFactory.getLogger(ConsoleSessionConfiguration.class)
          .warn("console sessions' expiry index not created: {}", e.getMessage());
    }
    return repository;
  }

  /** Deletes sessions past their time (the embedded server has no TTL indexes). */
  @Bean
  PeriodicJob consoleSessionSweep(MongoSessionRepository sessions, ConsoleProperties console) {
    return new PeriodicJob(
        "console-session-sweep", true, console.sessionSweepInterval(), sessions::sweep);
  }

  /** HttpOnly, SameSite=Strict: script cannot read it and other sites cannot send it. */
  @Bean
  WebSessionIdResolver consoleSessionCookie(ConsoleProperties console) {
    var resolver = new CookieWebSessionIdResolver();
    resolver.setCookieName(ConsoleRoutes.SESSION_COOKIE);
    resolver.setCookieMaxAge(java.time.Duration.ofSeconds(-1));
    resolver.addCookieInitializer(cookie ->
        cookie.httpOnly(true).sameSite("Strict").path("/").secure(console.secureCookies()));
    return resolver;
  }

  /** The realm's idle timeout, held by what the user does, not by the event stream. */
  @Bean
  ConsoleIdleSessions consoleIdleSessions(
      ConsoleProperties console,
      ServerOAuth2AuthorizedClientRepository authorizedClients,
      MongoSessionRepository sessions,
      @Value("${taskforce.security.issuer-uri}") String issuerUri) {
    return new ConsoleIdleSessions(
        console.sessionIdleTimeout(),
        Clock.systemUTC(),
        authorizedClients,
        sessions,
        WebClient.create(),
        console.issuer(issuerUri),
        console.clientId(),
        console.clientSecret());
  }
}
