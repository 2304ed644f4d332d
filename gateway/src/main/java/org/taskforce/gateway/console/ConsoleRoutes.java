package org.taskforce.gateway.console;

import java.util.List;

/** The paths of the console in the browser, kept in step with {@code console/src/App.tsx}. */
final class ConsoleRoutes {
  private ConsoleRoutes() {}

  /** Pages: each serves the console's index.html, and only to a signed-in user. */
  static final List<String> PAGES =
      List.of(
          "/",
          "/check",
          "/conflicts",
          "/cases",
          "/cases/*",
          "/review",
          "/registrations",
          "/registrations/targets/*",
          "/operations",
          "/reports",
          "/reports/records",
          "/tips",
          "/tips/*",
          "/webhooks");

  /** The console's own files (content-hashed names) — nothing in them is anyone's data. */
  static final List<String> STATIC = List.of("/assets/*", "/favicon.svg");

  /** Sign-in (authorization request, Keycloak's redirect back) and sign-out. */
  static final List<String> LOGIN = List.of("/oauth2/authorization/*", "/login/oauth2/code/*");

  static final String LOGOUT = "/logout";

  /** Who is signed in. */
  static final String ME = "/console/me";

  /** The signed-in user's notifications as Server-Sent Events. */
  static final String EVENTS = "/console/events";

  /** The REST API, reached by the console with its session instead of a bearer token. */
  static final String API = "/api/v1/**";

  static final String SESSION_COOKIE = "SESSION";
  static final String CSRF_COOKIE = "XSRF-TOKEN";
  static final String REGISTRATION_ID = "keycloak";
}
