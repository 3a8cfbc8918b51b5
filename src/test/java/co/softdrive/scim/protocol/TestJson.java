package co.softdrive.scim.protocol;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Tiny helpers for protocol tests: JSON from text, fixtures from {@code src/test/resources}. */
public final class TestJson {
  private TestJson() {}

  /** Parses JSON written with single quotes for readability ({@code {'a':'b'}}). */
  public static JsonObject json(String singleQuoted) {
    try (JsonReader r = Json.createReader(new StringReader(singleQuoted.replace('\'', '"')))) {
      return r.readObject();
    }
  }

  /** A fixture from {@code src/test/resources/entra/}. */
  public static JsonObject fixture(String name) {
    InputStream in = TestJson.class.getResourceAsStream("/entra/" + name);
    if (in == null) {
      throw new UncheckedIOException(new java.io.FileNotFoundException("/entra/" + name));
    }
    try (JsonReader r = Json.createReader(in)) {
      return r.readObject();
    }
  }

  /** How a test rewrites the {@code op} names of a PATCH fixture. */
  public enum OpCase {
    /** {@code Add}, {@code Replace}, {@code Remove}: Entra without the compliance flag. */
    CAPITALISED,
    /** {@code add}, {@code replace}, {@code remove}: RFC, and Entra with the flag. */
    LOWERCASE
  }

  /** The PATCH body with every operation's {@code op} rewritten to the given case. */
  public static JsonObject withOps(JsonObject body, OpCase opCase) {
    JsonObjectBuilder out = Json.createObjectBuilder();
    body.forEach(
        (k, v) -> {
          if (!k.equalsIgnoreCase("Operations")) {
            out.add(k, v);
            return;
          }
          JsonArrayBuilder ops = Json.createArrayBuilder();
          for (JsonValue op : v.asJsonArray()) {
            JsonObject o = op.asJsonObject();
            String name = ((JsonString) o.get("op")).getString().toLowerCase(Locale.ROOT);
            if (opCase == OpCase.CAPITALISED) {
              name = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            }
            ops.add(Json.createObjectBuilder(o).add("op", name));
          }
          out.add(k, ops);
        });
    return out.build();
  }
}
