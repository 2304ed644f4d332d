package org.taskforce.notifications.adapter.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.taskforce.notifications.application.port.WebhookTargets;

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

  private final List<AllowedNetwork> allowed;
  private final Resolver resolver;

  /**
   * @param allowList networks internal targets may be in, as {@code address/prefix} or a single
   *     address, e.g. {@code 127.0.0.0/8} or {@code ::1}; empty: none
   */
  public TargetAddresses(List<String> allowList, Resolver resolver) {
    this.allowed = new ArrayList<>();
    for (String entry : allowList) {
      if (!entry.isBlank()) {
        allowed.add(AllowedNetwork.parse(entry.trim()));
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
    } catch (Refused refused) {
      return Optional.of(refused.getMessage());
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
    String name = host.toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name =
          name.substring(0, name.length() - 1); // "127.0.0.1." and "localhost." are the same hosts
    }
    Optional<InetAddress> literal = AddressLiterals.parse(name);
    List<InetAddress> found = new ArrayList<>();
    if (literal.isPresent()) {
      found.add(literal.get());
    } else if (name.equals("localhost") || name.endsWith(".localhost")) {
      found.add(InetAddress.getLoopbackAddress());
    } else {
      try {
        found.addAll(List.of(resolver.resolve(name)));
      } catch (UnknownHostException e) {
        if (mustResolve) {
          throw new Refused("host not found");
        }
        return List.of();
      }
    }
    for (InetAddress address : found) {
      if (InternalAddresses.isInternal(address)
          && allowed.stream().noneMatch(network -> network.contains(address))) {
        throw new Refused(INTERNAL);
      }
    }
    if (found.isEmpty() && mustResolve) {
      throw new Refused("host not found");
    }
    return found;
  }
}
