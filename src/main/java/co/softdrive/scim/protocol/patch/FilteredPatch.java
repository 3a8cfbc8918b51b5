package co.softdrive.scim.protocol.patch;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;

import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.filter.Filter;
import co.softdrive.scim.protocol.filter.FilterEvaluator;
import co.softdrive.scim.protocol.limits.Limits;
import co.softdrive.scim.protocol.patch.PatchOperation.Op;
import co.softdrive.scim.protocol.patch.entra.ClearingValues;
import co.softdrive.scim.protocol.patch.entra.EntraQuirks;
import co.softdrive.scim.protocol.patch.entra.UpsertFilteredElement;
import co.softdrive.scim.protocol.path.AttrPath;
import co.softdrive.scim.protocol.schema.AttributeDef;
import co.softdrive.scim.protocol.schema.ValueCoercer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A PATCH operation on a path with a value filter: {@code emails[type eq "work"]} and {@code
 * emails[type eq "work"].value}, with Entra's upsert of a missing element ({@link
 * UpsertFilteredElement}).
 */
final class FilteredPatch {
  private final EntraQuirks quirks;
  private final Limits limits;
  private final ValueCoercer coercer;

  FilteredPatch(EntraQuirks quirks, Limits limits, ValueCoercer coercer) {
    this.quirks = quirks;
    this.limits = limits;
    this.coercer = coercer;
  }

  // --- "emails[type eq \"work\"]" and "emails[type eq \"work\"].value" ---

  void applyFiltered(
      Map<String, JsonValue> target,
      AttributeDef def,
      Filter filter,
      AttributeDef sub,
      Op op,
      JsonValue value) {
    String where = sub == null ? def.name() : def.name() + "." + sub.name();
    Predicate<AttrPath> caseExact =
        p -> def.subAttribute(p.attribute()).map(AttributeDef::caseExact).orElse(false);
    List<JsonValue> elements = Elements.of(target.get(def.name()));
    List<Integer> matched = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      if (elements.get(i) instanceof JsonObject o
          && FilterEvaluator.matches(filter, o, caseExact)) {
        matched.add(i);
      }
    }
    if (op == Op.REMOVE) {
      if (value != null
          && value.getValueType() != ValueType.NULL
          && sub != null
          && !quirks.clearingValues()) {
        throw ScimBadRequest.invalidSyntax("'remove' of '" + where + "' takes no value");
      }
      List<JsonValue> kept = new ArrayList<>();
      for (int i = 0; i < elements.size(); i++) {
        if (!matched.contains(i)) {
          kept.add(elements.get(i));
        } else if (sub != null) {
          JsonObject u = Elements.withSub(elements.get(i).asJsonObject(), sub.name(), null);
          if (!u.isEmpty()) {
            kept.add(u);
          }
        }
      }
      Elements.put(limits, target, def.name(), kept, List.of());
      return;
    }
    boolean clear = ClearingValues.clears(value, quirks.clearingValues());
    if (matched.isEmpty()) {
      if (clear) {
        return; // nothing there to clear
      }
      if (!quirks.upsertFilteredElement()) {
        throw ScimBadRequest.noTarget("no value of '" + def.name() + "' matches the filter");
      }
      JsonObject seed =
          UpsertFilteredElement.seed(filter)
              .orElseThrow(
                  () ->
                      ScimBadRequest.noTarget(
                          "no value of '"
                              + def.name()
                              + "' matches the filter, and the filter does not describe one"));
      JsonObject fresh =
          sub != null
              ? Elements.withSub(
                  seed, sub.name(), coercer.attribute(sub, value, where).orElse(null))
              : JSON.createObjectBuilder(seed)
                  .addAll(JSON.createObjectBuilder(Elements.objectValue(value, where)))
                  .build();
      Optional<JsonValue> element = coercer.element(def, fresh, def.name());
      if (element.isPresent()) {
        elements.add(element.get());
        Elements.put(limits, target, def.name(), elements, List.of(elements.size() - 1));
      }
      return;
    }
    for (int i : matched) {
      JsonObject current = elements.get(i).asJsonObject();
      JsonObject updated;
      if (sub != null) {
        updated =
            Elements.withSub(
                current,
                sub.name(),
                clear ? null : coercer.attribute(sub, value, where).orElse(null));
      } else if (clear) {
        updated = JsonValue.EMPTY_JSON_OBJECT;
      } else {
        JsonObject given =
            coercer
                .element(def, Elements.objectValue(value, where), def.name())
                .map(JsonValue::asJsonObject)
                .orElse(JsonValue.EMPTY_JSON_OBJECT);
        // RFC 7644 §3.5.2.3: replace swaps the matched values; add merges into them.
        updated =
            op == Op.REPLACE
                ? given
                : JSON.createObjectBuilder(current).addAll(JSON.createObjectBuilder(given)).build();
      }
      elements.set(i, updated);
    }
    List<JsonValue> kept = new ArrayList<>();
    List<Integer> touched = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      if (elements.get(i) instanceof JsonObject o && o.isEmpty()) {
        continue;
      }
      if (matched.contains(i)) {
        touched.add(kept.size());
      }
      kept.add(elements.get(i));
    }
    Elements.put(limits, target, def.name(), kept, touched);
  }
}
