package org.taskforce.deconfliction.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.taskforce.platform.error.Violations;

/**
 * Selectors that reach someone: phones (E.164 by libphonenumber), e-mail addresses (case-folded,
 * sub-addressing and Gmail dots dropped), social-media handles and crypto wallets.
 */
final class ChannelSelectors {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final Pattern EMAIL =
      Pattern.compile(
          "^[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}$");
  private static final Pattern HANDLE = Pattern.compile("^[a-z0-9._-]{1,64}$");

  private ChannelSelectors() {}

  static NormalizedSelector phone(TargetSelector.Phone p, String field, Violations violations) {
    String prefix = field + ".phone";
    String region =
        p.defaultRegionCode() == null || p.defaultRegionCode().isBlank()
            ? "US"
            : p.defaultRegionCode().trim().toUpperCase(Locale.ROOT);
    if (!PHONES.getSupportedRegions().contains(region)) {
      violations.add(
          prefix + ".default_region_code", "\"" + region + "\" is not an ISO 3166-1 region code");
      return null;
    }
    if (p.number() == null || p.number().isBlank()) {
      violations.add(prefix + ".number", "must not be empty");
      return null;
    }
    try {
      Phonenumber.PhoneNumber number = PHONES.parse(p.number(), region);
      if (!PHONES.isValidNumber(number)) {
        violations.add(
            prefix + ".number",
            "phone \"" + p.number() + "\" is not a valid number for region " + region);
        return null;
      }
      String e164 = PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
      return new NormalizedSelector(p, List.of("phone:" + e164), null);
    } catch (NumberParseException e) {
      violations.add(
          prefix + ".number",
          "phone \"" + p.number() + "\" is not a valid number for region " + region);
      return null;
    }
  }

  static NormalizedSelector email(TargetSelector.Email e, String field, Violations violations) {
    String prefix = field + ".email.address";
    String raw = e.address() == null ? "" : e.address().trim().toLowerCase(Locale.ROOT);
    if (raw.startsWith("mailto:")) {
      raw = raw.substring("mailto:".length());
    }
    if (!EMAIL.matcher(raw).matches()) {
      violations.add(prefix, "\"" + e.address() + "\" is not an e-mail address");
      return null;
    }
    int at = raw.lastIndexOf('@');
    String local = raw.substring(0, at);
    String domain = raw.substring(at + 1);
    if (domain.equals("googlemail.com")) {
      domain = "gmail.com";
    }
    int plus = local.indexOf('+');
    if (plus > 0) {
      local = local.substring(0, plus); // sub-addressing: x+tag@ reaches x@
    }
    if (domain.equals("gmail.com")) {
      local = local.replace(".", ""); // Gmail ignores dots
    }
    return new NormalizedSelector(e, List.of("email:" + local + "@" + domain), null);
  }

  static NormalizedSelector handle(
      TargetSelector.SocialHandle h, String field, Violations violations) {
    String prefix = field + ".social_handle";
    String platform = Handles.platform(h.platform());
    String handle = Handles.handle(h.handle());
    if (platform.isEmpty()) {
      violations.add(
          prefix + ".platform", "the platform is required, e.g. instagram, facebook, telegram");
    }
    if (!HANDLE.matcher(handle).matches()) {
      violations.add(
          prefix + ".handle",
          "handle \"" + h.handle() + "\" may only hold letters, digits, '.', '_' and '-'");
    }
    if (platform.isEmpty() || !HANDLE.matcher(handle).matches()) {
      return null;
    }
    return new NormalizedSelector(h, List.of("handle:" + platform + ":" + handle), null);
  }

  static NormalizedSelector wallet(
      TargetSelector.CryptoWallet w, String field, Violations violations) {
    String prefix = field + ".crypto_wallet";
    Optional<String> chain = Wallets.chain(w.chain());
    if (chain.isEmpty()) {
      violations.add(
          prefix + ".chain",
          "\"" + w.chain() + "\" is not a supported chain (" + Wallets.SUPPORTED + ")");
      return null;
    }
    String address = w.address() == null ? "" : w.address().trim();
    Optional<String> canonical = Wallets.canonical(chain.get(), address);
    if (canonical.isEmpty()) {
      violations.add(
          prefix + ".address", "\"" + address + "\" is not a " + chain.get() + " address");
      return null;
    }
    return new NormalizedSelector(
        w, List.of("wallet:" + chain.get() + ":" + canonical.get()), null);
  }
}
