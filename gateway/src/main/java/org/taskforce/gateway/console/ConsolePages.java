package org.taskforce.gateway.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The console's files from the {@code taskforce-console} jar ({@code classpath:/console/}): its
 * index.html for every page of the single-page app, never cached (it names the current bundle), and
 * the content-hashed assets, cached for good.
 */
final class ConsolePages {
  private static final String ROOT = "console/";
  private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9._-]+");

  private ConsolePages() {}

  static RouterFunction<ServerResponse> routes(ConsoleUserHandler me) {
    byte[] index = read(ROOT + "index.html");
    RequestPredicate pages =
        ConsoleRoutes.PAGES.stream()
            .map(RequestPredicates::GET)
            .reduce(RequestPredicate::or)
            .orElseThrow();
    return RouterFunctions.route(
            pages,
            request ->
                ServerResponse.ok()
                    .contentType(MediaType.TEXT_HTML)
                    .cacheControl(CacheControl.noStore())
                    .bodyValue(index))
        .andRoute(RequestPredicates.GET("/assets/{file}"), ConsolePages::asset)
        .andRoute(
            RequestPredicates.GET("/favicon.svg"),
            request -> file(ROOT + "favicon.svg", CacheControl.maxAge(Duration.ofDays(1))))
        .andRoute(RequestPredicates.GET(ConsoleRoutes.ME), me::me);
  }

  private static Mono<ServerResponse> asset(ServerRequest request) {
    String name = request.pathVariable("file");
    if (!ASSET.matcher(name).matches()) {
      return ServerResponse.notFound().build();
    }
    return file(
        ROOT + "assets/" + name,
        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
  }

  private static Mono<ServerResponse> file(String path, CacheControl cache) {
    var resource = new ClassPathResource(path);
    if (!resource.exists()) {
      return ServerResponse.notFound().build();
    }
    return ServerResponse.ok()
        .contentType(
            MediaTypeFactory.getMediaType(resource).orElse(MediaType.APPLICATION_OCTET_STREAM))
        .cacheControl(cache)
        .bodyValue(resource);
  }

  private static byte[] read(String path) {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(
          path + " is not on the classpath: the gateway needs the taskforce-console jar", e);
    }
  }
}
