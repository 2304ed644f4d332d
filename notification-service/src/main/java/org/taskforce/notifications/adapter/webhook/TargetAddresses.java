package org.taskforce.notifications.adapter.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.taskforce.notifications.application.WebhookTargets;

/**
 * Which addresses a webhook may reach: public ones, and internal ones only on the allow-list.
 * Loopback, private (RFC 1918, CGNAT), link-local (cloud metadata at 169.254.169.254), unique-local
 * and site-local IPv6, multicast, reserved and unspecified addresses are refused, as are IPv6 forms
 * that carry one of those IPv4 addresses (IPv4-mapped, -compatible, NAT64, 6to4) and Teredo. A host
 * is read the way the C resolver reads it, so {@code 2130706433}, {@code 0x7f000001}, {@code
 * 0177.1} and {@code 127.1} are all 127.0.0.1; names are resolved and every address they resolve to
 * must be allowed. The check runs when a subscription is created or changed and again at every
 * delivery, on the address the delivery then connects to (a name that later resolves inside, DNS
 * rebinding, is refused then).
 */
public final class TargetAddresses implements WebhookTargets {
  /** Name resolution; the system resolver in production, a fixed table in tests. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** Why a delivery did not connect: a failure class, never what the far end said. */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  static final String INTERNAL =
      "points inside the network (loopback, private, link-local or reserved address)"
          + " and is not on the allow-list";

  private final List<Network> allowed;
  private final Resolver resolver;

  /**
   * @param allowList networks internal targets may be in, as {@code address/prefix} or a single
   *     address, e.g. {@code 127.0.0.0/8} or {@code ::1}; empty: none
   */
  public TargetAddresses(List<String> allowList, Resolver resolver) {
    this.allowed = new ArrayList<>();
    for (String entry : allowList) {
      if (!entry.isBlank()) {
        allowed.add(Network.parse(entry.trim()));
      }
    }
    this.resolver = resolver;
  }

  public static TargetAddresses system(List<String> allowList) {
    return new TargetAddresses(allowList, InetAddress::getAllByName);
  }

  @Override
  public Optional<String> refusal(String host) {
    try {
      addresses(host, false);
      return Optional.empty();
    } catch (Refused r) {
      return Optional.of(r.getMessage());
    }
  }

  /** The address a delivery to {@code host} connects to, checked now. */
  public InetAddress connectTo(String host) throws Refused {
    return addresses(host, true).getFirst();
  }

  /**
   * The host's addresses, each allowed; a name that does not resolve is refused only when {@code
   * mustResolve} (at delivery), since a partner may register its endpoint before its DNS is live.
   */
  private List<InetAddress> addresses(String host, boolean mustResolve) throws Refused {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1); // "127.0.0.1." and "localhost." are the same hosts
    }
    Optional<InetAddress> literal = literal(h);
    List<InetAddress> found = new ArrayList<>();
    if (literal.isPresent()) {
      found.add(literal.get());
    } else if (h.equals("localhost") || h.endsWith(".localhost")) {
      found.add(InetAddress.getLoopbackAddress());
    } else {
      try {
        found.addAll(List.of(resolver.resolve(h)));
      } catch (UnknownHostException e) {
        if (mustResolve) {
          throw new Refused("host not found");
        }
        return List.of();
      }
    }
    for (InetAddress a : found) {
      if (internal(a) && allowed.stream().noneMatch(n -> n.contains(a))) {
        throw new Refused(INTERNAL);
      }
    }
    if (found.isEmpty() && mustResolve) {
      throw new Refused("host not found");
    }
    return found;
  }

  /** An IP address written in any form the resolver would read as one, else empty. */
  static Optional<InetAddress> literal(String host) {
    String h = host;
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    try {
      if (h.contains(":")) {
        int zone = h.indexOf('%');
        return Optional.of(InetAddress.getByName(zone < 0 ? h : h.substring(0, zone)));
      }
      long[] parts = ipv4Parts(h);
      if (parts == null) {
        return Optional.empty();
      }
      long value = 0;
      int n = parts.length;
      for (int i = 0; i < n - 1; i++) {
        if (parts[i] > 255) {
          return Optional.empty();
        }
        value |= parts[i] << (8 * (3 - i));
      }
      long last = parts[n - 1];
      if (last >= 1L << (8 * (5 - n))) {
        return Optional.empty();
      }
      value |= last;
      return Optional.of(
          InetAddress.getByAddress(
              new byte[] {
                (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
              }));
    } catch (UnknownHostException e) {
      return Optional.empty(); // not an address literal after all
    }
  }

  /** inet_aton's parts: 1 to 4, each decimal, 0x hexadecimal or 0-led octal; else null. */
  private static long[] ipv4Parts(String h) {
    String[] text = h.split("\\.", -1);
    if (text.length < 1 || text.length > 4) {
      return null;
    }
    long[] parts = new long[text.length];
    for (int i = 0; i < text.length; i++) {
      String t = text[i];
      try {
        if (t.matches("0[xX][0-9a-fA-F]{1,8}")) {
          parts[i] = Long.parseLong(t.substring(2), 16);
        } else if (t.matches("0[0-7]{0,11}")) {
          parts[i] = t.length() == 1 ? 0 : Long.parseLong(t.substring(1), 8);
        } else if (t.matches("[1-9][0-9]{0,9}")) {
          parts[i] = Long.parseLong(t);
        } else {
          return null;
        }
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return parts;
  }

  /** Whether an address is inside some network rather than on the public internet. */
  static boolean internal(InetAddress a) {
    byte[] b = a.getAddress();
    if (b.length == 4) {
      return internalV4(b);
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    boolean zeroPrefix = true;
    for (int i = 0; i < 10; i++) {
      zeroPrefix &= b[i] == 0;
    }
    if (zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return internalV4(tail(b, 12)); // IPv4-mapped ::ffff:a.b.c.d
    }
    if (zeroPrefix && b[10] == 0 && b[11] == 0) {
      return true; // ::, ::1 and the deprecated IPv4-compatible ::a.b.c.d
    }
    if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
      return internalV4(tail(b, 12)); // NAT64 64:ff9b::/96
    }
    if (first == 0x20 && second == 0x02) {
      return internalV4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4 2002::/16
    }
    if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
      return true; // Teredo 2001::/32 carries an obfuscated IPv4 address
    }
    return (first & 0xfe) == 0xfc // unique local fc00::/7
        || (first == 0xfe && (second & 0xc0) == 0x80) // link-local fe80::/10
        || (first == 0xfe && (second & 0xc0) == 0xc0) // site-local fec0::/10
        || first == 0xff // multicast
        || (first == 0x01 && second == 0 && b[2] == 0 && b[3] == 0); // discard 100::/64
  }

  private static byte[] tail(byte[] b, int from) {
    return new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
  }

  private static boolean internalV4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    return a0 == 0 // "this network", 0.0.0.0
        || a0 == 10
        || a0 == 127
        || (a0 == 100 && (a1 & 0xc0) == 64) // carrier-grade NAT 100.64.0.0/10
        || (a0 == 169 && a1 == 254) // link-local, cloud metadata
        || (a0 == 172 && (a1 & 0xf0) == 16)
        || (a0 == 192 && a1 == 168)
        || (a0 == 192 && a1 == 0 && a2 == 0) // IETF protocol assignments
        || (a0 == 198 && (a1 & 0xfe) == 18) // benchmarking 198.18.0.0/15
        || a0 >= 224; // multicast, reserved, broadcast
  }

  /** An allow-list entry. */
  record Network(byte[] address, int prefix) {
    static Network parse(String entry) {
      int slash = entry.indexOf('/');
      String host = slash < 0 ? entry : entry.substring(0, slash);
      InetAddress a =
          literal(host)
              .orElseThrow(() ->
                  new IllegalArgumentException(
                      "webhook allow-list entry '" + entry + "' is not an address or network"));
      int bits = a.getAddress().length * 8;
      int prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("webhook allow-list entry '" + entry + "': bad prefix");
      }
      return new Network(a.getAddress(), prefix);
    }

    boolean contains(InetAddress candidate) {
      byte[] c = candidate.getAddress();
      if (c.length != address.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((c[bit / 8] & mask) != (address[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
