package org.taskforce.notifications.adapter.grpc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server for tests, speaking enough of RFC 5321 for a mail client (EHLO, MAIL, RCPT, DATA,
 * RSET, NOOP, QUIT): it keeps every accepted message and can be told to answer the next DATA
 * commands with given replies, such as {@code 451} (try later) or {@code 550} (never).
 */
final class FakeSmtpServer implements AutoCloseable {
  /** One accepted message: envelope recipients and the raw message text. */
  record Mail(List<String> recipients, String data) {}

  private final ServerSocket socket;
  private final List<Mail> accepted = new CopyOnWriteArrayList<>();
  private final Queue<String> refusals = new ArrayDeque<>();
  private final Thread acceptor;

  FakeSmtpServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = Thread.ofPlatform().daemon().start(this::serve);
  }

  int port() {
    return socket.getLocalPort();
  }

  List<Mail> accepted() {
    return List.copyOf(accepted);
  }

  /** The next DATA commands are answered with these replies, in order, e.g. "451 busy". */
  synchronized void refuseNext(String... replies) {
    refusals.addAll(List.of(replies));
  }

  synchronized void reset() {
    accepted.clear();
    refusals.clear();
  }

  private synchronized String nextRefusal() {
    return refusals.poll();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Thread.ofPlatform().daemon().start(() -> session(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void session(Socket client) {
    try (client;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
      reply(out, "220 fake-smtp ready");
      List<String> recipients = new CopyOnWriteArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line;
        switch (command) {
          case "EHLO", "HELO" -> reply(out, "250 fake-smtp");
          case "MAIL", "NOOP" -> reply(out, "250 OK");
          case "RSET" -> {
            recipients.clear();
            reply(out, "250 OK");
          }
          case "RCPT" -> {
            recipients.add(line.replaceAll("(?i).*TO:\\s*<?([^>]*)>?.*", "$1"));
            reply(out, "250 OK");
          }
          case "DATA" -> {
            reply(out, "354 end with <CRLF>.<CRLF>");
            StringBuilder data = new StringBuilder();
            String d;
            while ((d = in.readLine()) != null && !d.equals(".")) {
              data.append(d.startsWith("..") ? d.substring(1) : d).append('\n');
            }
            String refusal = nextRefusal();
            if (refusal != null) {
              reply(out, refusal);
            } else {
              accepted.add(new Mail(List.copyOf(recipients), data.toString()));
              reply(out, "250 queued");
            }
            recipients.clear();
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "502 not implemented");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void reply(Writer out, String line) throws IOException {
    out.write(line + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    acceptor.interrupt();
  }
}
