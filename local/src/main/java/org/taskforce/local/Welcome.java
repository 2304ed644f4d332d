package org.taskforce.local;

import java.nio.file.Path;

/** The welcome the launcher prints when the local stack is ready. */
final class Welcome {
  private Welcome() {}

  /** What a newcomer reads once the stack is up: where everything is and whom to sign in as. */
  static String text(Path data) {
    return """

    ─── Taskforce is running ───────────────────────────────────────────────────────────
    web console             http://127.0.0.1:8080/    sign in as any demo user below
    gateway (REST + gRPC)   http://127.0.0.1:8080     OpenAPI: /api/v1/openapi.json
    Keycloak                http://127.0.0.1:8180     admin console: admin / %s
    services (gRPC)         case 9091, deconfliction 9092, notification 9093
    data and logs           %s

    Demo users (development realm only; password for all: %s):
      ago.investigator  ago.commander  ago.watch  ago.admin     NM Attorney General (lead)
      ago.grants                                                its grant manager (reports)
      ago.intake (intake coordinator: tips)                     NM Attorney General
      hsi.investigator  hsi.commander  hsi.admin                HSI Albuquerque
      apd.investigator  apd.commander                           Albuquerque PD
      fbi.investigator  usao.investigator  bcso.investigator  nnpd.investigator
      crisis.advocate                                           victim-service provider
    Partner system (client credentials): bcso-rms / dev-bcso-rms-secret

    Try:
      TOKEN=$(curl -s -d grant_type=password -d client_id=taskforce-cli \\
        -d username=apd.investigator -d 'password=%s' \\
        %s/protocol/openid-connect/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
      curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8080/api/v1/cases
      curl -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
        -d '{"selectors":[{"phone":{"number":"(505) 555-0142"}}],"purpose":"pre-arrest check"}' \\
        http://127.0.0.1:8080/api/v1/checks
      curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8080/api/v1/notifications
    Ctrl-C stops everything.
    """
        .formatted(
            DemoData.ADMIN_CONSOLE_PASSWORD,
            data,
            DemoData.PASSWORD,
            DemoData.PASSWORD,
            LocalStack.ISSUER);
  }
}
