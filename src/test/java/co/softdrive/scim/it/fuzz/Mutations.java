package co.softdrive.scim.it.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes hostile variants of Entra's requests for the HTTP-edge fuzz: JSON-aware mutations (a value
 * swapped for a nasty one, keys dropped, duplicated or re-cased, values wrapped or nested deeply),
 * byte-level mutations (bit flips, truncation, invalid UTF-8, a BOM), query strings built from real
 * filters, attribute lists and paging values with the same mutations applied to their raw bytes,
 * and raw requests whose request line and headers are mutated ({@link #edge()}). Driven by one
 * {@link Random}, so a run is reproducible from its seed.
 */
final class Mutations {
  private static final String SCIM_JSON = "application/scim+json; charset=utf-8";
  private static final List<String> CONTENT_TYPES =
      List.of(
          "application/json",
          "text/plain",
          "application/scim+json; charset=iso-8859-1",
          "application/xml");

  private static final List<String> FILTERS =
      List.of(
          "userName eq \"bjensen@example.com\"",
          "externalId eq jyoung",
          "displayName eq \"Sales\"",
          "emails[type eq \"work\" and value co \"@example.com\"]",
          "emails[type eq \"work\"].value eq \"x@y\"",
          "not (active eq false) and name.familyName sw \"J\"",
          "meta.lastModified gt \"2026-01-31T08:00:00Z\"",
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"1\"",
          "members[value eq \"{user}\"]",
          "id eq \"{user}\" or id eq \"{group}\"",
          "manager eq \"1\"");
  private static final List<String> ATTRIBUTES =
      List.of(
          "userName",
          "emails.value,name",
          "members",
          "displayName,members.value",
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
          "groups",
          "id,meta.version");
  private static final List<String> NUMBERS =
      List.of(
          "0",
          "1",
          "-1",
          "2147483648",
          "99999999999999999999",
          "1e3",
          "abc",
          "",
          " 5",
          "200",
          "100000");
  private static final List<String> NASTY_STRINGS =
      List.of(
          "",
          " ",
          "True",
          "False",
          "null",
          "\u0000",
          "\ud800",
          "\u0130\u0131",
          "\u202e",
          "%00",
          "'\"\\",
          "\" or \"1\"=\"1",
          "emails[type eq \"work\"]",
          "{user}",
          "a".repeat(3000),
          "\u00e9".repeat(1100),
          "x".repeat(300),
          "\u0130".repeat(300));

  private static final List<String> KEYS =
      List.of(
          "unknownAttribute",
          "userName",
          "displayName",
          "externalId",
          "name.givenName",
          "members",
          "id",
          "meta",
          "schemas",
          "path",
          "value",
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
          "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
          "urn:ietf:params:scim:schemas:extension:softdrive:2.0:User:userType");

  private static final String JSON_CHARS = "{}[]\":,\\ 0e-";

  private final Random random;
  private final List<byte[]> seeds;

  /**
   * @param seeds Entra request bodies to mutate
   */
  Mutations(Random random, List<byte[]> seeds) {
    this.random = random;
    this.seeds = seeds;
  }

  /**
   * The next request: a mutated body, a mutated list query, or a raw request with a mutated request
   * line and headers.
   */
  FuzzRequest next() {
    if (random.nextInt(3) == 0) {
      return edge();
    }
    if (random.nextInt(4) == 0) {
      return query();
    }
    byte[] seed = seeds.get(random.nextInt(seeds.size()));
    String text = new String(seed, StandardCharsets.UTF_8);
    boolean patch = text.contains("Operations");
    boolean group =
        text.contains("Group") || text.contains("members")
            ? random.nextInt(4) > 0
            : random.nextInt(4) == 0;
    String collection = group ? "/Groups" : "/Users";
    String victim = group ? "/Groups/{group}" : "/Users/{user}";
    String method;
    String path;
    if (patch) {
      method = "PATCH";
      path = victim;
    } else {
      switch (random.nextInt(3)) {
        case 0 -> {
          method = "POST";
          path = collection;
        }
        case 1 -> {
          method = "PUT";
          path = victim;
        }
        default -> {
          method = "POST";
          path = collection + "/.search";
        }
      }
    }
    String contentType = random.nextInt(10) == 0 ? pick(CONTENT_TYPES) : SCIM_JSON;
    return new FuzzRequest(method, path, contentType, body(seed));
  }

  private byte[] body(byte[] seed) {
    return switch (random.nextInt(10)) {
      case 0, 1, 2 -> bytes(seed, 1 + random.nextInt(4));
      case 3 -> special();
      default -> jsonMutated(seed);
    };
  }

  /** Extreme documents the edge must refuse or take: deep nesting, huge numbers, odd encodings. */
  private byte[] special() {
    String s =
        switch (random.nextInt(8)) {
          case 0 -> "[".repeat(1 + random.nextInt(20000));
          case 1 -> "{\"a\":".repeat(50) + "1" + "}".repeat(50);
          case 2 ->
              "{\"userName\":\"x"
                  + random.nextInt()
                  + "\",\"displayName\":1e999999999,\"active\":-0}";
          case 3 ->
              "{\"Operations\":[{\"op\":\"add\",\"path\":\"title\",\"value\":123456789012345678901234567890e-999999999}]}";
          case 4 -> "{\"count\":1e999999999,\"startIndex\":-1e400,\"filter\":\"id pr\"}";
          case 5 -> "";
          case 6 -> "null";
          default -> "\ufeff{\"userName\":\"bom" + random.nextInt() + "\",\"userName\":\"dup\"}";
        };
    byte[] bytes =
        s.getBytes(random.nextInt(8) == 0 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
    return random.nextBoolean() ? bytes : bytes(bytes, 1);
  }

  /** A JSON-aware mutation; falls back to byte mutations when the seed does not parse. */
  private byte[] jsonMutated(byte[] seed) {
    JsonValue tree;
    try (var reader =
        Json.createReader(new StringReader(new String(seed, StandardCharsets.UTF_8)))) {
      tree = reader.readValue();
    } catch (JsonParsingException e) {
      return bytes(seed, 2);
    }
    int rounds = 1 + random.nextInt(3);
    for (int i = 0; i < rounds; i++) {
      tree = mutate(tree, 0);
    }
    String text = tree.toString();
    if (random.nextInt(5) == 0 && text.startsWith("{\"")) {
      // A duplicate key: JSON-P never writes one, so splice it into the text.
      int colon = text.indexOf("\":");
      text = "{" + text.substring(1, colon + 2) + nasty() + "," + text.substring(1);
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private JsonValue mutate(JsonValue value, int depth) {
    if (value instanceof JsonObject o && !o.isEmpty() && random.nextInt(3) > 0) {
      List<String> keys = new ArrayList<>(o.keySet());
      String key = keys.get(random.nextInt(keys.size()));
      var b = Json.createObjectBuilder(o);
      switch (random.nextInt(6)) {
        case 0 -> b.remove(key);
        case 1 -> b.remove(key).add(recase(key), o.get(key));
        case 2 -> b.add(pick(KEYS), nasty());
        default -> b.add(key, mutate(o.get(key), depth + 1));
      }
      return b.build();
    }
    if (value instanceof JsonArray a && !a.isEmpty() && random.nextInt(3) > 0) {
      int index = random.nextInt(a.size());
      var b = Json.createArrayBuilder(a);
      if (random.nextInt(4) == 0) {
        b.add(a.get(index));
      } else {
        b.set(index, mutate(a.get(index), depth + 1));
      }
      return b.build();
    }
    return switch (random.nextInt(5)) {
      case 0 -> Json.createArrayBuilder().add(value).build();
      case 1 -> Json.createObjectBuilder().add("value", value).build();
      default -> nasty();
    };
  }

  private JsonValue nasty() {
    return switch (random.nextInt(9)) {
      case 0 -> Json.createValue(pick(NASTY_STRINGS));
      case 1 -> Json.createValue(new BigDecimal("1e" + (random.nextInt(2000) - 1000)));
      case 2 -> Json.createValue(random.nextLong());
      case 3 -> JsonValue.NULL;
      case 4 -> random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
      case 5 -> JsonValue.EMPTY_JSON_OBJECT;
      case 6 -> JsonValue.EMPTY_JSON_ARRAY;
      case 7 -> Json.createValue(pick(FILTERS));
      default ->
          Json.createValue(
              pick(
                  List.of(
                      "add",
                      "Replace",
                      "remove",
                      "members",
                      "emails[type eq \"work\"].value",
                      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager")));
    };
  }

  private String recase(String key) {
    return random.nextBoolean()
        ? key.toUpperCase(java.util.Locale.ROOT)
        : key.toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code rounds} byte-level mutations of {@code input}. */
  private byte[] bytes(byte[] input, int rounds) {
    byte[] out = input.clone();
    for (int i = 0; i < rounds; i++) {
      if (out.length == 0) {
        out = new byte[] {(byte) random.nextInt(256)};
        continue;
      }
      int at = random.nextInt(out.length);
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      switch (random.nextInt(6)) {
        case 0 -> {
          out[at] ^= (byte) (1 << random.nextInt(8));
          continue;
        }
        case 1 -> b.write(out, 0, at); // truncate
        case 2 -> { // invalid UTF-8 or a NUL
          b.write(out, 0, at);
          byte[] bad =
              pick(
                  List.of(
                      new byte[] {(byte) 0xc3, 0x28},
                      new byte[] {(byte) 0xff},
                      new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                      new byte[] {0}));
          b.write(bad, 0, bad.length);
          b.write(out, at, out.length - at);
        }
        case 3 -> { // repeat a chunk
          int length = Math.min(out.length - at, 1 + random.nextInt(64));
          b.write(out, 0, at + length);
          b.write(out, at, out.length - at);
        }
        case 4 -> { // delete a chunk
          int length = Math.min(out.length - at, 1 + random.nextInt(16));
          b.write(out, 0, at);
          b.write(out, at + length, out.length - at - length);
        }
        default -> {
          b.write(out, 0, at);
          b.write((byte) JSON_CHARS.charAt(random.nextInt(JSON_CHARS.length())));
          b.write(out, at, out.length - at);
        }
      }
      out = b.toByteArray();
    }
    return out;
  }

  /** A list request with a (mutated) filter, attributes and paging parameters. */
  private FuzzRequest query() {
    StringBuilder q = new StringBuilder();
    if (random.nextInt(5) > 0) {
      byte[] filter = pick(FILTERS).getBytes(StandardCharsets.UTF_8);
      param(q, "filter", random.nextBoolean() ? bytes(filter, 1 + random.nextInt(3)) : filter);
    }
    for (Map.Entry<String, List<String>> p :
        Map.of(
                "attributes",
                ATTRIBUTES,
                "excludedAttributes",
                ATTRIBUTES,
                "count",
                NUMBERS,
                "startIndex",
                NUMBERS,
                "sortBy",
                ATTRIBUTES,
                "sortOrder",
                List.of("descending", "up", ""))
            .entrySet()) {
      if (random.nextInt(3) == 0) {
        param(
            q,
            random.nextInt(8) == 0 ? p.getKey().toUpperCase(java.util.Locale.ROOT) : p.getKey(),
            pick(p.getValue()).getBytes(StandardCharsets.UTF_8));
      }
    }
    String collection = random.nextInt(3) == 0 ? "/Groups" : "/Users";
    String query = q.toString().replace("%7Buser%7D", "{user}").replace("%7Bgroup%7D", "{group}");
    return new FuzzRequest("GET", collection + (query.isEmpty() ? "" : "?" + query), null, null);
  }

  /** Appends {@code name=value}, percent-encoding every byte but unreserved ASCII (RFC 3986). */
  private static void param(StringBuilder q, String name, byte[] value) {
    if (!q.isEmpty()) {
      q.append('&');
    }
    q.append(name).append('=');
    for (byte b : value) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~".indexOf(c) >= 0) {
        q.append(c);
      } else {
        q.append('%').append(String.format("%02X", b & 0xff));
      }
    }
  }

  // --- Raw requests: the request line and the headers ---

  static final String SCIM_BASE = "/api/v1/automations/scim";
  static final String BAIT = "edge-bait";

  /** Method, path below the SCIM base, and whether the request changes something. */
  private record Target(String method, String path, boolean writes) {}

  private static final List<Target> TARGETS =
      List.of(
          new Target("GET", "/Users", false),
          new Target("GET", "/Groups", false),
          new Target("GET", "/Users/{user}", false),
          new Target("GET", "/Groups/{group}", false),
          new Target("GET", "/ServiceProviderConfig", false),
          new Target("GET", "/Schemas", false),
          new Target("POST", "/Users", true),
          new Target("POST", "/Groups", true),
          new Target("POST", "/Users/.search", false),
          new Target("PATCH", "/Users/{user}", true),
          new Target("DELETE", "/Users/{user}", true),
          new Target("DELETE", "/Groups/{group}", true));

  private static final List<String> MATRIX =
      List.of(";x=1", ";", ";jsessionid=0123", ";a=b;c=d", ";=", ";x=%2F");
  private static final List<String> ESCAPES =
      List.of(
          "%2F",
          "%2f",
          "%5C",
          "%5c",
          "%00",
          "%2e",
          "%2E%2E",
          "%25",
          "%zz",
          "%",
          "%5",
          "%G0",
          "%c0%af",
          "%e0%80%af",
          "%ed%a0%80",
          "%ff",
          "%C3%A9",
          "%0d%0a",
          "%20",
          "%3B",
          "%3F",
          "%23",
          "%7B");
  private static final List<String> DOT_SEGMENTS =
      List.of(".", "..", "%2e", "%2e%2e", ".;", "..;", "x/..", "");

  /**
   * Characters written raw into the path. Not a space, CR or LF: those break the request line
   * itself, which Liberty's HTTP channel answers with 505 before any application code.
   */
  private static final List<String> RAW_CHARS =
      List.of(
          "\\", "\"", "{", "}", "|", "^", "`", "<", ">", "#", "\u00e9", "\u00ff", "\u0000", "\t");

  private static final List<String> QUERIES =
      List.of(
          "",
          "?filter=userName%20eq%20%22x%22",
          "?count=1&startIndex=1",
          "?%zz=1",
          "?filter=%",
          "?filter=\"x\"",
          "?attributes=userName;x",
          "?filter=%c0%af");

  /** Variants of credentials, each with whether it is the tenant's token and nothing else. */
  private static final List<List<String>> VALID_AUTHORIZATIONS =
      List.of(
          List.of("Authorization: Bearer {token}"),
          List.of("authorization: bearer {token}"),
          List.of("AUTHORIZATION: BEARER {token}"),
          List.of("Authorization:   Bearer    {token}   "));

  private static final List<List<String>> INVALID_AUTHORIZATIONS =
      List.of(
          List.of(),
          List.of("Authorization:"),
          List.of("Authorization: Bearer"),
          List.of("Authorization: Bearer "),
          List.of("Authorization: Bearer {token}x"),
          List.of("Authorization: Bearer x{token}"),
          List.of("Authorization: Bearer\t{token}"),
          List.of("Authorization: Token {token}"),
          List.of("Authorization: Basic YWRtaW46aXQtYWRtaW4tcGFzc3dvcmQ="),
          List.of("Authorization: Basic %%%"),
          List.of("Authorization: Bearer sdscim_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
          List.of("Authorization: Bearer {token}", "Authorization: Bearer {token}"),
          List.of("Authorization: Bearer {token}", "Authorization: Bearer x"),
          List.of("Authorization: Bearer x", "Authorization: Bearer {token}"),
          List.of("Authorization: Bearer {token}, Bearer {token}"),
          List.of("Authorization: Bearer {token}\u0000"),
          List.of("Authorization: Bearer \u00e9{token}"),
          List.of("X-Authorization: Bearer {token}"),
          List.of("Cookie: Authorization=Bearer {token}"));

  private static final List<String> CONTENT_TYPES_RAW =
      List.of(
          "application/scim+json",
          "application/json",
          "application/scim+json; charset=utf-8",
          "application/scim+json; charset=utf-16",
          "application/scim+json; charset=nope",
          "application/scim+json; charset=",
          "application/scim+json;;",
          "application/json;q=abc",
          "text/plain",
          "application/xml",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "*/*",
          "",
          ";;;",
          "garbage");
  private static final List<String> ACCEPTS =
      List.of(
          "application/scim+json",
          "*/*",
          "text/html",
          "application/xml",
          ";;",
          "application/json;q=abc",
          "application/json;q=",
          "application/json, ,*/*",
          "a/b;q=0.5, application/json;q=1e1");

  /**
   * A request sent as written: one of a few SCIM requests, its path mutated (matrix parameters,
   * percent-encodings valid and not, dot segments, doubled and trailing slashes, re-cased segments,
   * raw characters) and its headers varied (credentials, Content-Type, Accept, huge, many or
   * duplicate headers). A third carry the tenant's token and nothing else; the rest must all be
   * refused. Bodies name {@value #BAIT} when no valid token goes with them, so that the test can
   * tell afterwards that none was stored.
   */
  FuzzRequest edge() {
    boolean valid = random.nextInt(3) == 0;
    Target target = pick(TARGETS);
    while (valid && target.method().equals("DELETE")) {
      // A deleted victim would leave the rest of the run little to work on.
      target = pick(TARGETS);
    }
    String path = SCIM_BASE + target.path();
    for (int rounds = random.nextInt(3); rounds > 0; rounds--) {
      path = mutatePath(path);
    }
    if (random.nextInt(4) == 0) {
      path += pick(QUERIES);
    }
    List<String> headers =
        new ArrayList<>(pick(valid ? VALID_AUTHORIZATIONS : INVALID_AUTHORIZATIONS));
    byte[] body =
        target.writes() && !target.method().equals("DELETE") || target.path().endsWith(".search")
            ? edgeBody(target, valid ? "edge-ok" : BAIT)
            : null;
    if (body != null || random.nextInt(5) == 0) {
      headers.add("Content-Type: " + pick(CONTENT_TYPES_RAW));
      if (random.nextInt(8) == 0) {
        headers.add("Content-Type: " + pick(CONTENT_TYPES_RAW));
      }
    }
    if (random.nextInt(3) == 0) {
      headers.add("Accept: " + pick(ACCEPTS));
    }
    switch (random.nextInt(12)) {
      case 0 ->
          headers.add("X-Fuzz: " + "a".repeat(pick(List.of(1_000, 8_000, 32_000, 33_000, 70_000))));
      case 1 -> {
        int many = pick(List.of(50, 200, 600));
        for (int i = 0; i < many; i++) {
          headers.add("X-Fuzz-" + i + ": " + i);
        }
      }
      case 2 -> headers.add("Cookie: " + "c=1; ".repeat(2_000));
      case 3 -> headers.add(pick(headers.isEmpty() ? List.of("X-Fuzz: 1") : headers));
      default -> {}
    }
    Collections.shuffle(headers, random);
    return FuzzRequest.raw(target.method(), path, headers, body);
  }

  private byte[] edgeBody(Target target, String name) {
    String unique = name + "-" + Integer.toHexString(random.nextInt());
    String json =
        switch (target.path()) {
          case "/Users" ->
              "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
                  + unique
                  + "@example.com\"}";
          case "/Groups" -> "{\"displayName\":\"" + unique + "\"}";
          case "/Users/.search" -> "{\"filter\":\"userName pr\",\"count\":1}";
          default ->
              "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                  + "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\""
                  + name
                  + "\"}]}";
        };
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** One mutation of the path's segments (the query is added after). */
  private String mutatePath(String path) {
    List<String> segments = new ArrayList<>(List.of(path.substring(1).split("/", -1)));
    int i = random.nextInt(segments.size());
    String segment = segments.get(i);
    switch (random.nextInt(8)) {
      case 0 -> segments.set(i, segment + pick(MATRIX));
      case 1 -> segments.set(i, percentEncodeOne(segment));
      case 2 -> segments.set(i, insert(segment, pick(ESCAPES)));
      case 3 -> segments.add(i, pick(DOT_SEGMENTS));
      case 4 -> segments.set(i, recaseSegment(segment));
      case 5 -> segments.set(i, insert(segment, pick(RAW_CHARS)));
      case 6 -> segments.add("");
      default -> {
        return "/" + path;
      }
    }
    return "/" + String.join("/", segments);
  }

  private String percentEncodeOne(String segment) {
    if (segment.isEmpty()) {
      return segment;
    }
    int at = random.nextInt(segment.length());
    String hex =
        String.format(random.nextBoolean() ? "%%%02X" : "%%%02x", (int) segment.charAt(at) & 0xff);
    return segment.substring(0, at) + hex + segment.substring(at + 1);
  }

  private String insert(String segment, String text) {
    int at = random.nextInt(segment.length() + 1);
    return segment.substring(0, at) + text + segment.substring(at);
  }

  private String recaseSegment(String segment) {
    return switch (random.nextInt(3)) {
      case 0 -> segment.toUpperCase(java.util.Locale.ROOT);
      case 1 -> segment.toLowerCase(java.util.Locale.ROOT);
      default ->
          segment.isEmpty()
              ? segment
              : (Character.isUpperCase(segment.charAt(0))
                      ? Character.toLowerCase(segment.charAt(0))
                      : Character.toUpperCase(segment.charAt(0)))
                  + segment.substring(1);
    };
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
