package co.softdrive.scim.it.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One request of the HTTP-edge fuzz, relative to the SCIM base. Stored in a corpus file as text:
 * {@code METHOD path} on the first line, the content type (or empty) on the second, then an empty
 * line and the body's raw bytes. In path and body, {@code {user}} and {@code {group}} stand for the
 * ids of the test's own victim resources, so that a stored request replays against any server.
 *
 * @param method HTTP method
 * @param path path and query, already percent-encoded, with placeholders
 * @param contentType the Content-Type header, or null for none
 * @param body the body bytes, or null for none
 */
record FuzzRequest(String method, String path, String contentType, byte[] body) {

  /** Reads a corpus file. */
  static FuzzRequest read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int firstBreak = indexOf(bytes, 0);
    int secondBreak = indexOf(bytes, firstBreak + 1);
    String[] requestLine = new String(bytes, 0, firstBreak, StandardCharsets.UTF_8).split(" ", 2);
    String contentType =
        new String(bytes, firstBreak + 1, secondBreak - firstBreak - 1, StandardCharsets.UTF_8);
    byte[] body = Arrays.copyOfRange(bytes, secondBreak + 2, bytes.length);
    return new FuzzRequest(
        requestLine[0],
        requestLine[1],
        contentType.isEmpty() ? null : contentType,
        body.length == 0 && requestLine[0].equals("GET") ? null : body);
  }

  /** Writes this request into {@code directory}, named by its content hash; returns the file. */
  Path write(Path directory) throws IOException {
    byte[] head =
        (method + " " + path + "\n" + (contentType == null ? "" : contentType) + "\n\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] bytes = Arrays.copyOf(head, head.length + (body == null ? 0 : body.length));
    if (body != null) {
      System.arraycopy(body, 0, bytes, head.length, body.length);
    }
    Files.createDirectories(directory);
    return Files.write(directory.resolve("request-" + sha1(bytes).substring(0, 16)), bytes);
  }

  /** The path with the placeholders filled in. */
  String resolvedPath(String userId, String groupId) {
    return resolve(path, userId, groupId);
  }

  /** The body with the placeholders filled in; every other byte as it was. */
  byte[] resolvedBody(String userId, String groupId) {
    // ISO-8859-1 maps each byte to one char and back, so malformed UTF-8 survives untouched.
    String latin1 = new String(body, StandardCharsets.ISO_8859_1);
    return resolve(latin1, userId, groupId).getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String resolve(String text, String userId, String groupId) {
    return text.replace("{user}", userId).replace("{group}", groupId);
  }

  @Override
  public String toString() {
    String shown =
        body == null
            ? ""
            : " " + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
    return method + " " + path + " [" + contentType + "]" + shown;
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    throw new IllegalArgumentException("not a fuzz request file: no line break after byte " + from);
  }

  private static String sha1(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
