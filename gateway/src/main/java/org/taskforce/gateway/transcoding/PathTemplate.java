package org.taskforce.gateway.transcoding;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code google.api.http} path template such as {@code /api/v1/cases/{case_id}:changeStatus} or
 * {@code /api/v1/cases/{task.case_id}/tasks/{task.task_id}}: literal segments, variables that bind
 * one segment to a (nested) request field, and an optional custom verb after a colon.
 */
public final class PathTemplate {
  private final String template;
  private final List<String> segments;
  private final String verb;

  private PathTemplate(String template, List<String> segments, String verb) {
    this.template = template;
    this.segments = segments;
    this.verb = verb;
  }

  public static PathTemplate parse(String template) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("path template must start with '/': " + template);
    }
    String path = template;
    String verb = null;
    int lastSlash = template.lastIndexOf('/');
    String last = template.substring(lastSlash + 1);
    int colon = last.indexOf(':', last.lastIndexOf('}') + 1);
    if (colon >= 0) {
      verb = last.substring(colon + 1);
      path = template.substring(0, lastSlash + 1 + colon);
    }
    List<String> segments = new ArrayList<>();
    for (String s : path.substring(1).split("/")) {
      if (s.startsWith("{")) {
        String variable = s.substring(1, s.length() - 1);
        int eq = variable.indexOf('=');
        if (eq >= 0) {
          if (!variable.substring(eq + 1).equals("*")) {
            throw new IllegalArgumentException("only {field} and {field=*} are supported: " + s);
          }
          variable = variable.substring(0, eq);
        }
        segments.add("{" + variable + "}");
      } else {
        segments.add(s);
      }
    }
    return new PathTemplate(template, List.copyOf(segments), verb);
  }

  /** The field paths the template binds, in order, e.g. {@code [task.case_id, task.task_id]}. */
  public List<String> variables() {
    return segments.stream()
        .filter(s -> s.startsWith("{"))
        .map(s -> s.substring(1, s.length() - 1))
        .toList();
  }

  /** Binds a request path (without query) to field values, or empty when it does not match. */
  public Optional<Map<String, String>> match(String requestPath) {
    if (!requestPath.startsWith("/")) {
      return Optional.empty();
    }
    String path = requestPath;
    if (verb != null) {
      if (!path.endsWith(":" + verb)) {
        return Optional.empty();
      }
      path = path.substring(0, path.length() - verb.length() - 1);
    }
    String[] parts = path.substring(1).split("/", -1);
    if (parts.length != segments.size()) {
      return Optional.empty();
    }
    Map<String, String> bound = new LinkedHashMap<>();
    if (verb == null && parts[parts.length - 1].contains(":")) {
      return Optional.empty(); // a custom verb this template does not have
    }
    for (int i = 0; i < parts.length; i++) {
      String segment = segments.get(i);
      if (segment.startsWith("{")) {
        if (parts[i].isEmpty()) {
          return Optional.empty();
        }
        bound.put(
            segment.substring(1, segment.length() - 1),
            URLDecoder.decode(parts[i].replace("+", "%2B"), StandardCharsets.UTF_8));
      } else if (!segment.equals(parts[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(bound);
  }

  /**
   * More literal segments first: {@code /cases/{id}/tasks} before a hypothetical {@code /{x}/…}.
   */
  int literalCount() {
    return (int) segments.stream().filter(s -> !s.startsWith("{")).count() + (verb == null ? 0 : 1);
  }

  @Override
  public String toString() {
    return template;
  }
}
