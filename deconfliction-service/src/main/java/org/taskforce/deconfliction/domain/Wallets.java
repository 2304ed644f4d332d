package org.taskforce.deconfliction.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Crypto wallet addresses per chain, in the form that chain treats as identical. */
final class Wallets {
  static final String SUPPORTED = "bitcoin, ethereum, tron, litecoin, solana, monero";
  private static final Map<String, String> CHAINS =
      Map.ofEntries(
          Map.entry("bitcoin", "bitcoin"),
          Map.entry("btc", "bitcoin"),
          Map.entry("ethereum", "ethereum"),
          Map.entry("eth", "ethereum"),
          Map.entry("tron", "tron"),
          Map.entry("trx", "tron"),
          Map.entry("litecoin", "litecoin"),
          Map.entry("ltc", "litecoin"),
          Map.entry("solana", "solana"),
          Map.entry("sol", "solana"),
          Map.entry("monero", "monero"),
          Map.entry("xmr", "monero"));
  private static final String BASE58 = "[1-9A-HJ-NP-Za-km-z]";
  private static final Pattern BTC_LEGACY = Pattern.compile("^[13]" + BASE58 + "{25,34}$");
  private static final Pattern BTC_BECH32 = Pattern.compile("^bc1[02-9ac-hj-np-z]{11,71}$");
  private static final Pattern EVM = Pattern.compile("^0x[0-9a-f]{40}$");
  private static final Pattern TRON = Pattern.compile("^T" + BASE58 + "{33}$");
  private static final Pattern LTC =
      Pattern.compile("^([LM3]" + BASE58 + "{26,33}|ltc1[02-9ac-hj-np-z]{11,71})$");
  private static final Pattern SOLANA = Pattern.compile("^" + BASE58 + "{32,44}$");
  private static final Pattern MONERO = Pattern.compile("^[48]" + BASE58 + "{94,105}$");

  private Wallets() {}

  static Optional<String> chain(String raw) {
    return Optional.ofNullable(CHAINS.get(raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT)));
  }

  /** The canonical address: bech32 and hex addresses are case-insensitive, base58 ones are not. */
  static Optional<String> canonical(String chain, String address) {
    String lower = address.toLowerCase(Locale.ROOT);
    boolean valid =
        switch (chain) {
          case "bitcoin" ->
              BTC_LEGACY.matcher(address).matches() || BTC_BECH32.matcher(lower).matches();
          case "ethereum" -> EVM.matcher(lower).matches();
          case "tron" -> TRON.matcher(address).matches();
          case "litecoin" -> LTC.matcher(address).matches() || LTC.matcher(lower).matches();
          case "solana" -> SOLANA.matcher(address).matches();
          case "monero" -> MONERO.matcher(address).matches();
          default -> false;
        };
    if (!valid) {
      return Optional.empty();
    }
    boolean caseInsensitive =
        chain.equals("ethereum") || lower.startsWith("bc1") || lower.startsWith("ltc1");
    return Optional.of(caseInsensitive ? lower : address);
  }
}
