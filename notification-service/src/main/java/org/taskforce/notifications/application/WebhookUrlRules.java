package org.taskforce.notifications.application;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.taskforce.notifications.application.port.WebhookTargets;
import org.taskforce.platform.error.Violations;

/**
 * Where a subscription may send: an {@code https} URL (plain {@code http} only where configured for
 * development) without credentials, to a host outside the network; or {@code mailto:} one address
 * where e-mail is configured.
 */
public final class WebhookUrlRules {
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,}");
  private static final String MAILTO = "mailto:";

  private final WebhookTargets targets;
  private final boolean allowPlainHttp;
  private final boolean emailEnabled;

  public WebhookUrlRules(WebhookTargets targets, boolean allowPlainHttp, boolean emailEnabled) {
    this.targets = targets;
    this.allowPlainHttp = allowPlainHttp;
    this.emailEnabled = emailEnabled;
  }

  /** Adds at most one violation of {@code field} when deliveries may not go to {@code url}. */
  void check(String url, String field, Violations violations) {
    if (url == null || url.isBlank()) {
      violations.add(field, "is required");
    } else if (url.length() > Bounds.URL) {
      violations.add(field, "at most " + Bounds.URL + " characters, got " + url.length());
    } else if (url.trim().regionMatches(true, 0, MAILTO, 0, MAILTO.length())) {
      checkMailbox(url.trim().substring(MAILTO.length()), field, violations);
    } else {
      checkHttp(url.trim(), field, violations);
    }
  }

  private void checkMailbox(String address, String field, Violations violations) {
    if (!emailEnabled) {
      violations.add(field, "e-mail delivery is off here: no SMTP server is configured");
    } else if (!EMAIL.matcher(address).matches()) {
      violations.add(
          field, "mailto: needs one e-mail address and nothing else, e.g. mailto:duty@agency.gov");
    }
  }

  private void checkHttp(String url, String field, Violations violations) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      violations.add(field, "is not a URL");
      return;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getRawUserInfo() != null) {
      violations.add(field, "must not carry credentials; the shared secret signs deliveries");
    } else if (uri.getHost() == null) {
      violations.add(field, "needs a host");
    } else if (!scheme.equals("https") && !(scheme.equals("http") && allowPlainHttp)) {
      violations.add(
          field,
          allowPlainHttp
              ? "must be http or https"
              : "must be https (plain http is allowed only where configured for development)");
    } else {
      targets.refusal(uri.getHost()).ifPresent(why -> violations.add(field, why));
    }
  }
}
