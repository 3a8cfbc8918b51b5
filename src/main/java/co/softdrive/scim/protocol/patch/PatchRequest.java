package co.softdrive.scim.protocol.patch;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.filter.PatchPath;
import co.softdrive.scim.protocol.filter.PathParser;
import co.softdrive.scim.protocol.limits.Limits;
import co.softdrive.scim.protocol.patch.entra.CapitalisedOps;
import co.softdrive.scim.protocol.patch.entra.EntraQuirks;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A PATCH request body (RFC 7644 §3.5.2), read leniently: the {@code Operations} key and the
 * operation member names ({@code op}, {@code path}, {@code value}) are matched case-insensitively,
 * a missing {@code schemas} is tolerated (docs/entra.md#r5-update-user), and {@code op} names are
 * matched as {@link CapitalisedOps} says. Paths are parsed here, so a malformed path fails before
 * anything applies. More than {@link Limits#patchOperations()} operations, or more than {@link
 * Limits#valuesPerOperation()} elements in one operation's value, is {@code invalidValue}.
 *
 * @param operations the operations, in order
 */
public record PatchRequest(List<PatchOperation> operations) {
  public PatchRequest {
    operations = List.copyOf(operations);
  }

  /** Parses with every Entra workaround on, within the default limits (tests and tools). */
  public static PatchRequest parse(JsonObject body) {
    return parse(body, EntraQuirks.defaults(), Limits.defaults());
  }

  public static PatchRequest parse(JsonObject body, EntraQuirks quirks, Limits limits) {
    JsonValue ops = field(body, "Operations");
    if (!(ops instanceof JsonArray array)) {
      throw ScimBadRequest.invalidSyntax("a PATCH request needs an 'Operations' array");
    }
    if (array.size() > limits.patchOperations()) {
      throw ScimBadRequest.invalidValue(
          "a PATCH request may hold at most "
              + limits.patchOperations()
              + " operations, not "
              + array.size());
    }
    List<PatchOperation> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      out.add(operation(array.get(i), i, quirks, limits));
    }
    return new PatchRequest(out);
  }

  private static PatchOperation operation(
      JsonValue v, int index, EntraQuirks quirks, Limits limits) {
    String where = "Operations[" + index + "]";
    if (!(v instanceof JsonObject o)) {
      throw ScimBadRequest.invalidSyntax(where + " must be an object");
    }
    if (!(field(o, "op") instanceof JsonString opName)) {
      throw ScimBadRequest.invalidSyntax(where + " needs a string 'op'");
    }
    PatchOperation.Op op =
        switch (CapitalisedOps.normalise(opName.getString(), quirks.capitalisedOps())) {
          case "add" -> PatchOperation.Op.ADD;
          case "replace" -> PatchOperation.Op.REPLACE;
          case "remove" -> PatchOperation.Op.REMOVE;
          default ->
              throw ScimBadRequest.invalidSyntax(
                  where
                      + ": unknown op '"
                      + opName.getString()
                      + "' (expected add, replace or remove)");
        };
    JsonValue rawPath = field(o, "path");
    PatchPath path = null;
    if (rawPath != null && rawPath.getValueType() != ValueType.NULL) {
      if (!(rawPath instanceof JsonString p)) {
        throw ScimBadRequest.invalidPath(where + ": 'path' must be a string");
      }
      path = PathParser.parse(p.getString(), limits);
    }
    JsonValue value = field(o, "value");
    if (value == null && op != PatchOperation.Op.REMOVE) {
      throw ScimBadRequest.invalidSyntax(
          where + ": '" + op.name().toLowerCase() + "' needs a 'value'");
    }
    if (path == null && op == PatchOperation.Op.REMOVE) {
      throw ScimBadRequest.noTarget(where + ": 'remove' needs a 'path'");
    }
    if (path == null && !(value instanceof JsonObject)) {
      throw ScimBadRequest.invalidSyntax(where + ": without 'path' the 'value' must be an object");
    }
    if (value instanceof JsonArray a && a.size() > limits.valuesPerOperation()) {
      throw ScimBadRequest.invalidValue(
          where
              + ": at most "
              + limits.valuesPerOperation()
              + " values per operation, not "
              + a.size());
    }
    return new PatchOperation(op, path, value);
  }

  private static JsonValue field(JsonObject o, String name) {
    for (Map.Entry<String, JsonValue> e : o.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }
}
