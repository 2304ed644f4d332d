package org.taskforce.gateway.transcoding;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every REST operation the protos' {@code google.api.http} annotations declare. */
public final class RestRoutes {
  private final List<RestRoute> routes;

  public RestRoutes(ApiDescriptors descriptors) {
    List<RestRoute> all = new ArrayList<>();
    for (ServiceDescriptor service : descriptors.services()) {
      for (MethodDescriptor method : service.getMethods()) {
        if (method.isClientStreaming() || method.isServerStreaming()) {
          continue; // streams are gRPC only
        }
        if (!method.getOptions().hasExtension(AnnotationsProto.http)) {
          continue;
        }
        HttpRule rule = method.getOptions().getExtension(AnnotationsProto.http);
        add(all, method, rule);
        rule.getAdditionalBindingsList().forEach(b -> add(all, method, b));
      }
    }
    all.sort(Comparator.comparingInt((RestRoute r) -> r.path().literalCount()).reversed());
    this.routes = List.copyOf(all);
  }

  private static void add(List<RestRoute> all, MethodDescriptor method, HttpRule rule) {
    String verb;
    String template;
    switch (rule.getPatternCase()) {
      case GET -> {
        verb = "GET";
        template = rule.getGet();
      }
      case POST -> {
        verb = "POST";
        template = rule.getPost();
      }
      case PUT -> {
        verb = "PUT";
        template = rule.getPut();
      }
      case PATCH -> {
        verb = "PATCH";
        template = rule.getPatch();
      }
      case DELETE -> {
        verb = "DELETE";
        template = rule.getDelete();
      }
      default -> {
        return;
      }
    }
    all.add(new RestRoute(verb, PathTemplate.parse(template), method, rule.getBody()));
  }

  public List<RestRoute> all() {
    return routes;
  }

  /** The route and its path bindings for a request, if any. */
  public Optional<Match> match(String httpMethod, String path) {
    for (RestRoute route : routes) {
      if (route.httpMethod().equals(httpMethod)) {
        Optional<Map<String, String>> bound = route.path().match(path);
        if (bound.isPresent()) {
          return Optional.of(new Match(route, bound.get()));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether some route has this path under another HTTP method (405 rather than 404). */
  public boolean pathExists(String path) {
    return routes.stream().anyMatch(r -> r.path().match(path).isPresent());
  }

  /** A matched route with the values its path variables bound. */
  public record Match(RestRoute route, Map<String, String> pathValues) {}
}
