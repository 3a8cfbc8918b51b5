package co.softdrive.scim.feed;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 POST to an address that {@link WebhookTargets} has checked. A plain client would
 * resolve the host again and could reach another address (DNS rebinding), so this one connects to
 * the checked address itself and only names the host in {@code Host}, in TLS SNI and in the
 * certificate check. Redirects are not followed (a 3xx is a failed delivery); only the status line
 * is read. Failures are reported in a few coarse words ({@link Failure}), so that a webhook's
 * {@code lastError} cannot be used to tell an open port from a closed or filtered one.
 */
final class WebhookPost {
  static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  static final int TOTAL_TIMEOUT_MILLIS = 10_000;
  private static final int MAX_HEADER_BYTES = 16 * 1024;
  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3})(?: .*)?");

  /** Why a POST got no HTTP status, in words that say nothing about the receiver's network. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String coarse, Throwable cause) {
      super(coarse, cause, false, false);
    }
  }

  private WebhookPost() {}

  /**
   * @param addresses checked addresses of the URL's host, tried in order until one connects
   * @return the HTTP status of the response
   */
  static int send(
      WebhookUrl url, List<InetAddress> addresses, Map<String, String> headers, byte[] body)
      throws Failure {
    long deadline = System.nanoTime() + TOTAL_TIMEOUT_MILLIS * 1_000_000L;
    Socket plain = connect(url, addresses, deadline);
    try (Socket socket = url.https() ? tls(plain, url, deadline) : plain) {
      socket.setSoTimeout(remaining(deadline));
      OutputStream out = socket.getOutputStream();
      out.write(head(url, headers, body.length).getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return status(new BufferedInputStream(socket.getInputStream()), socket, deadline);
    } catch (SocketTimeoutException e) {
      throw new Failure("timed out", e);
    } catch (SSLException e) {
      throw new Failure("TLS failed", e);
    } catch (IOException e) {
      throw new Failure("connection failed", e);
    }
  }

  private static Socket connect(WebhookUrl url, List<InetAddress> addresses, long deadline)
      throws Failure {
    IOException last = null;
    for (InetAddress address : addresses) {
      Socket socket = new Socket();
      try {
        int timeout = Math.min(CONNECT_TIMEOUT_MILLIS, remaining(deadline));
        socket.connect(new InetSocketAddress(address, url.port()), timeout);
        return socket;
      } catch (IOException e) {
        closeQuietly(socket);
        last = e;
      }
    }
    // Refused, unreachable and timed out all read the same.
    throw new Failure("connection failed", last);
  }

  private static Socket tls(Socket plain, WebhookUrl url, long deadline) throws IOException {
    try {
      SSLSocket ssl =
          (SSLSocket)
              SSLContext.getDefault()
                  .getSocketFactory()
                  .createSocket(plain, url.host(), url.port(), true);
      SSLParameters parameters = ssl.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      if (url.literal() == null) {
        String host = url.host().endsWith(".") ? url.host().replaceAll("\\.$", "") : url.host();
        parameters.setServerNames(List.of(new SNIHostName(host)));
      }
      ssl.setSSLParameters(parameters);
      ssl.setSoTimeout(remaining(deadline));
      ssl.startHandshake();
      return ssl;
    } catch (NoSuchAlgorithmException | IllegalArgumentException e) {
      closeQuietly(plain); // no TLS context, or a name SNI cannot carry
      throw new SSLException("TLS set-up", e);
    } catch (IOException e) {
      closeQuietly(plain);
      throw e;
    }
  }

  private static String head(WebhookUrl url, Map<String, String> headers, int length) {
    StringBuilder b = new StringBuilder();
    b.append("POST ").append(url.target()).append(" HTTP/1.1\r\n");
    b.append("Host: ").append(url.hostHeader()).append("\r\n");
    headers.forEach((name, value) -> b.append(name).append(": ").append(value).append("\r\n"));
    b.append("Content-Length: ").append(length).append("\r\n");
    b.append("Connection: close\r\n\r\n");
    return b.toString();
  }

  /** The status of the first final (non-1xx) response. */
  private static int status(InputStream in, Socket socket, long deadline) throws IOException {
    int read = 0;
    while (true) {
      String line = line(in, socket, deadline);
      read += line.length();
      Matcher m = STATUS_LINE.matcher(line);
      if (!m.matches()) {
        throw new IOException("not an HTTP/1.x status line");
      }
      int status = Integer.parseInt(m.group(1));
      if (status >= 200) {
        return status;
      }
      // 1xx: skip its headers, then read the next status line.
      String header;
      do {
        header = line(in, socket, deadline);
        read += header.length();
        if (read > MAX_HEADER_BYTES) {
          throw new IOException("response head too long");
        }
      } while (!header.isEmpty());
    }
  }

  private static String line(InputStream in, Socket socket, long deadline) throws IOException {
    StringBuilder b = new StringBuilder();
    while (b.length() <= MAX_HEADER_BYTES) {
      socket.setSoTimeout(remaining(deadline));
      int c = in.read();
      if (c < 0) {
        throw new IOException("connection closed before the response");
      }
      if (c == '\n') {
        int end = b.length() > 0 && b.charAt(b.length() - 1) == '\r' ? b.length() - 1 : b.length();
        return b.substring(0, end);
      }
      b.append((char) c);
    }
    throw new IOException("response line too long");
  }

  private static int remaining(long deadline) throws SocketTimeoutException {
    long millis = (deadline - System.nanoTime()) / 1_000_000L;
    if (millis <= 0) {
      throw new SocketTimeoutException("deadline");
    }
    return (int) millis;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // nothing more to release
    }
  }
}
