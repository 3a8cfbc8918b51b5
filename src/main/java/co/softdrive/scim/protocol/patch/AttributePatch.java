package co.softdrive.scim.protocol.patch;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.limits.Limits;
import co.softdrive.scim.protocol.patch.PatchOperation.Op;
import co.softdrive.scim.protocol.patch.entra.ClearingValues;
import co.softdrive.scim.protocol.patch.entra.EntraQuirks;
import co.softdrive.scim.protocol.patch.entra.RemoveMembersByValueArray;
import co.softdrive.scim.protocol.schema.AttributeDef;
import co.softdrive.scim.protocol.schema.ValueCoercer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PATCH operation on a path without a value filter: a whole attribute ({@code title}, {@code
 * emails}, {@code name}) or a sub-attribute ({@code name.givenName}, {@code emails.value}).
 */
final class AttributePatch {
  private final EntraQuirks quirks;
  private final Limits limits;
  private final ValueCoercer coercer;

  AttributePatch(EntraQuirks quirks, Limits limits, ValueCoercer coercer) {
    this.quirks = quirks;
    this.limits = limits;
    this.coercer = coercer;
  }

  // --- plain attribute: "title", "emails", "name", "urn:...:User:manager" ---

  void applyAttribute(Map<String, JsonValue> target, AttributeDef def, Op op, JsonValue value) {
    String name = def.name();
    if (op == Op.REMOVE) {
      boolean hasValue = value != null && value.getValueType() != ValueType.NULL;
      if (hasValue && def.multiValued()) {
        if (!quirks.removeMembersByValueArray()) {
          throw ScimBadRequest.invalidSyntax(
              "'remove' of '" + name + "' takes no value; use a value filter");
        }
        removeMatching(target, def, value);
      } else if (hasValue && !quirks.clearingValues()) {
        throw ScimBadRequest.invalidSyntax("'remove' of '" + name + "' takes no value");
      } else {
        target.remove(name);
      }
      return;
    }
    if (ClearingValues.clears(value, quirks.clearingValues())) {
      if (op == Op.REPLACE || !def.multiValued()) {
        target.remove(name);
      }
      return;
    }
    Optional<JsonValue> coerced = coercer.attribute(def, value, name);
    if (coerced.isEmpty()) {
      if (op == Op.REPLACE || !def.multiValued()) {
        target.remove(name);
      }
      return;
    }
    if (!def.multiValued()) {
      JsonValue current = target.get(name);
      if (def.isComplex() && current instanceof JsonObject o) {
        target.put(
            name,
            JSON.createObjectBuilder(o)
                .addAll(JSON.createObjectBuilder((JsonObject) coerced.get()))
                .build());
      } else {
        target.put(name, coerced.get());
      }
      return;
    }
    List<JsonValue> added = coerced.get().asJsonArray();
    List<JsonValue> elements = op == Op.REPLACE ? new ArrayList<>() : Elements.of(target.get(name));
    List<Integer> touched = new ArrayList<>();
    for (JsonValue e : added) {
      int existing = elements.indexOf(e);
      if (existing < 0) {
        elements.add(e);
        touched.add(elements.size() - 1);
      } else {
        touched.add(existing);
      }
    }
    Elements.put(limits, target, name, elements, touched);
  }

  /** {@link RemoveMembersByValueArray} generalised: remove the elements the given ones describe. */
  private void removeMatching(Map<String, JsonValue> target, AttributeDef def, JsonValue value) {
    Optional<JsonValue> given = coercer.attribute(def, value, def.name());
    if (given.isEmpty()) {
      return;
    }
    List<JsonValue> elements = Elements.of(target.get(def.name()));
    elements.removeIf(
        e -> given.get().asJsonArray().stream().anyMatch(g -> Elements.describes(def, g, e)));
    Elements.put(limits, target, def.name(), elements, List.of());
  }

  // --- "name.givenName", "urn:...:User:manager.value", "emails.value" ---

  void applySubAttribute(
      Map<String, JsonValue> target, AttributeDef def, AttributeDef sub, Op op, JsonValue value) {
    String where = def.name() + "." + sub.name();
    boolean clear = op == Op.REMOVE || ClearingValues.clears(value, quirks.clearingValues());
    if (op == Op.REMOVE
        && value != null
        && value.getValueType() != ValueType.NULL
        && !quirks.clearingValues()) {
      throw ScimBadRequest.invalidSyntax("'remove' of '" + where + "' takes no value");
    }
    JsonValue subValue = clear ? null : coercer.attribute(sub, value, where).orElse(null);
    if (!def.multiValued()) {
      JsonObject current =
          target.get(def.name()) instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
      JsonObject updated = Elements.withSub(current, sub.name(), subValue);
      if (updated.isEmpty()) {
        target.remove(def.name());
      } else {
        target.put(def.name(), updated);
      }
      return;
    }
    // "emails.value" without a filter addresses that sub-attribute of every element.
    List<JsonValue> elements = Elements.of(target.get(def.name()));
    if (elements.isEmpty()) {
      if (subValue != null) {
        throw ScimBadRequest.noTarget(
            "'" + def.name() + "' has no values to set '" + sub.name() + "' on");
      }
      return;
    }
    List<JsonValue> updated = new ArrayList<>();
    for (JsonValue e : elements) {
      JsonObject u = Elements.withSub(e.asJsonObject(), sub.name(), subValue);
      if (!u.isEmpty()) {
        updated.add(u);
      }
    }
    Elements.put(limits, target, def.name(), updated, List.of());
  }
}
