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
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes hostile variants of Entra's requests for the HTTP-edge fuzz: JSON-aware mutations (a value
 * swapped for a nasty one, keys dropped, duplicated or re-cased, values wrapped or nested deeply),
 * byte-level mutations (bit flips, truncation, invalid UTF-8, a BOM), and query strings built from
 * real filters, attribute lists and paging values with the same mutations applied to their raw
 * bytes. Driven by one {@link Random}, so a run is reproducible from its seed.
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

  /** The next request: mostly a mutated body, sometimes a mutated list query. */
  FuzzRequest next() {
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

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
