package org.taskforce.notifications.adapter.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.taskforce.notifications.application.port.WebhookSender;

/**
 * One HTTP/1.1 POST over a socket connected to the address {@link TargetAddresses} checked just
 * now, so the name cannot resolve elsewhere between the check and the connection (DNS rebinding).
 * TLS still verifies the certificate against the URL's host name (SNI and endpoint identification).
 * No redirects are followed; only the status line of the answer is read, and failures are recorded
 * by class ("connection refused", "no answer within 500 ms"), never with what the far end sent.
 */
public final class HttpWebhookSender implements WebhookSender {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3})( .*)?");

  private final TargetAddresses targets;
  private final SSLSocketFactory tls;

  public HttpWebhookSender(TargetAddresses targets) {
    this(targets, (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  HttpWebhookSender(TargetAddresses targets, SSLSocketFactory tls) {
    this.targets = targets;
    this.tls = tls;
  }

  @Override
  public Response post(String url, Map<String, String> headers, String body, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    URI uri = URI.create(url);
    String host = uri.getHost();
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
    InetAddress address;
    try {
      address = targets.connectTo(host);
    } catch (TargetAddresses.Refused refused) {
      return new Response(0, "refused: " + refused.getMessage());
    }
    Socket socket = new Socket();
    try (socket) {
      try {
        socket.connect(
            new InetSocketAddress(address, port),
            (int) Math.max(1, Math.min(CONNECT_TIMEOUT.toMillis(), remaining(deadline))));
      } catch (SocketTimeoutException e) {
        return new Response(0, "connect timed out");
      }
      Socket channel = https ? tls(socket, host, port) : socket;
      channel.setSoTimeout((int) Math.max(1, remaining(deadline)));
      OutputStream out = channel.getOutputStream();
      out.write(request(uri, host, port, https, headers, body));
      out.flush();
      int status = status(channel.getInputStream());
      return status < 0 ? new Response(0, "malformed response") : new Response(status, null);
    } catch (SocketTimeoutException e) {
      return new Response(0, "no answer within " + timeout.toMillis() + " ms");
    } catch (ConnectException e) {
      return new Response(0, "connection refused");
    } catch (NoRouteToHostException e) {
      return new Response(0, "no route to host");
    } catch (SSLException e) {
      return new Response(0, "TLS handshake failed");
    } catch (IOException e) {
      return new Response(0, "connection failed (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static long remaining(long deadline) {
    return Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
  }

  private Socket tls(Socket plain, String host, int port) throws IOException {
    SSLSocket ssl = (SSLSocket) tls.createSocket(plain, host, port, true);
    SSLParameters parameters = ssl.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    if (AddressLiterals.parse(host).isEmpty()) {
      parameters.setServerNames(List.of(new SNIHostName(host)));
    }
    ssl.setSSLParameters(parameters);
    ssl.startHandshake();
    return ssl;
  }

  private static byte[] request(
      URI uri, String host, int port, boolean https, Map<String, String> headers, String body) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    boolean defaultPort = port == (https ? 443 : 80);
    byte[] content = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder();
    head.append("POST ").append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(host).append(defaultPort ? "" : ":" + port).append("\r\n");
    head.append("User-Agent: taskforce-notification-service\r\n");
    head.append("Content-Length: ").append(content.length).append("\r\n");
    head.append("Connection: close\r\n");
    headers.forEach((name, value) -> {
      if (!name.toLowerCase(Locale.ROOT).matches("host|content-length|connection")) {
        head.append(name).append(": ").append(value).append("\r\n");
      }
    });
    head.append("\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[start.length + content.length];
    System.arraycopy(start, 0, all, 0, start.length);
    System.arraycopy(content, 0, all, start.length, content.length);
    return all;
  }

  /** The status code of the answer's first line, or -1; nothing after that line is read. */
  private static int status(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int next = in.read(); next >= 0 && next != '\n'; next = in.read()) {
      if (line.size() >= 512) {
        return -1;
      }
      line.write(next);
    }
    Matcher matcher = STATUS_LINE.matcher(line.toString(StandardCharsets.ISO_8859_1).strip());
    return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
  }
}
