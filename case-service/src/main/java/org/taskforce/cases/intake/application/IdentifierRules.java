package org.taskforce.cases.intake.application;

import java.util.regex.Pattern;
import org.taskforce.cases.intake.domain.IdentifierType;
import org.taskforce.cases.intake.domain.TipIdentifier;
import org.taskforce.platform.error.Violations;

/** What a tip's identifiers must look like before they are stored or checked. */
public final class IdentifierRules {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]{2,39}(%\\w+)?");
  private static final Pattern URL = Pattern.compile("(?i)(https?://)?[^\\s/]+\\.[^\\s]+");

  private IdentifierRules() {}

  public static void check(Violations v, String at, TipIdentifier i) {
    if (i.type() == null) {
      v.add(at + "type", "is required: PHONE, EMAIL, PLATE, HANDLE, URL, WALLET or IP_ADDRESS");
      return;
    }
    v.requireText(at + "value", i.value());
    NewTip.max(v, at + "value", i.value(), i.type() == IdentifierType.URL ? 2000 : 254);
    NewTip.max(v, at + "qualifier", i.qualifier(), 50);
    if (i.value().isEmpty() || i.value().length() > 2000) {
      return;
    }
    String value = i.value();
    switch (i.type()) {
      case PHONE -> {
        int digits = value.replaceAll("\\D", "").length();
        v.check(
            digits >= 7 && digits <= 15 && value.matches("[+0-9 ().\\-]+"),
            at + "value",
            "is not a phone number: " + Violations.quote(value));
      }
      case EMAIL ->
          v.check(EMAIL.matcher(value).matches(), at + "value", "is not an e-mail address");
      case IP_ADDRESS ->
          v.check(
              IPV4.matcher(value).matches() || value.contains(":") && IPV6.matcher(value).matches(),
              at + "value",
              "is not an IPv4 or IPv6 address: " + Violations.quote(value));
      case URL -> v.check(URL.matcher(value).matches(), at + "value", "is not a URL");
      case HANDLE -> v.requireText(at + "qualifier", i.qualifier());
      case WALLET -> v.requireText(at + "qualifier", i.qualifier());
      case PLATE -> v.check(value.matches("[A-Za-z0-9 \\-]{1,10}"), at + "value", "is not a plate");
    }
  }
}
