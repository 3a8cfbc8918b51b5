package co.softdrive.scim.provisioning;

import co.softdrive.scim.activity.ResourceChange;
import co.softdrive.scim.persistence.AccountState;
import co.softdrive.scim.protocol.schema.Schemas;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Says in words what a write changed, from what the provisioning service holds anyway (the stored
 * and the new attributes, the account state before and after): attribute names and lifecycle
 * transitions only. The one value named is {@code active}'s, a lifecycle fact; every other
 * attribute is only said to have changed, so no personal data reaches the activity log.
 */
final class ChangeWords {
  static final int MAX_NAMES = 8;

  private ChangeWords() {}

  /** The change of a user update; {@code before}/{@code after} are stored attributes. */
  static ResourceChange userUpdate(
      String userName,
      JsonObject before,
      JsonObject after,
      boolean activeBefore,
      boolean activeAfter,
      AccountState stateBefore,
      AccountState stateAfter) {
    List<String> parts = new ArrayList<>();
    if (activeBefore != activeAfter) {
      parts.add("active " + activeBefore + " \u2192 " + activeAfter);
    }
    List<String> names = changedAttributes(before, after);
    names.remove("active");
    if (!names.isEmpty()) {
      parts.add(names(names) + " changed");
    }
    String kind = names.isEmpty() && activeBefore == activeAfter ? ResourceChange.UNCHANGED : null;
    String transition = transition(stateBefore, stateAfter);
    if (transition != null) {
      parts.add(transition);
    }
    if (kind == null) {
      kind = kindOf(stateBefore, stateAfter);
    }
    return ResourceChange.of(
        userName, kind, parts.isEmpty() ? "no change" : String.join("; ", parts));
  }

  static String kindOf(AccountState before, AccountState after) {
    if (Objects.equals(before, after)) {
      return ResourceChange.UPDATED;
    }
    if (after == AccountState.PENDING_DELETION) {
      return ResourceChange.HELD;
    }
    if (after == AccountState.DELETED) {
      return ResourceChange.DEACTIVATED;
    }
    return after == AccountState.ACTIVE ? ResourceChange.RESTORED : ResourceChange.UPDATED;
  }

  /** A lifecycle transition in words, or null when the state stayed. */
  static String transition(AccountState before, AccountState after) {
    if (Objects.equals(before, after) || after == null) {
      return null;
    }
    if (after == AccountState.PENDING_DELETION) {
      return "account deleted (held by the guard)";
    }
    if (after == AccountState.DELETED) {
      return "account deleted";
    }
    if (after == AccountState.ACTIVE) {
      return before == AccountState.PENDING_DELETION
          ? "held deletion cancelled"
          : "account restored";
    }
    return "account " + after.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** A group created with {@code added} members. */
  static ResourceChange groupCreated(String displayName, int added) {
    String members = members(added, 0);
    return new ResourceChange(
        displayName,
        ResourceChange.CREATED,
        "created" + (members == null ? "" : ", " + members),
        added,
        0);
  }

  /** A group replaced or patched: changed attributes (members apart) and member counts. */
  static ResourceChange groupUpdate(
      String displayName, JsonObject before, JsonObject after, int added, int removed) {
    List<String> names = changedAttributes(before, after);
    names.removeIf(n -> n.equalsIgnoreCase("members"));
    List<String> parts = new ArrayList<>();
    if (!names.isEmpty()) {
      parts.add(names(names) + " changed");
    }
    String members = members(added, removed);
    if (members != null) {
      parts.add(members);
    }
    return new ResourceChange(
        displayName,
        parts.isEmpty() ? ResourceChange.UNCHANGED : ResourceChange.UPDATED,
        parts.isEmpty() ? "no change" : String.join("; ", parts),
        added,
        removed);
  }

  /** A group deleted with its members; {@code deactivated} by the cascade policy. */
  static ResourceChange groupDeleted(String displayName, long memberCount, int deactivated) {
    String summary =
        "group deleted (" + memberCount + (memberCount == 1 ? " member)" : " members)");
    if (deactivated > 0) {
      summary +=
          "; "
              + deactivated
              + (deactivated == 1 ? " account" : " accounts")
              + " deactivated (policy cascade)";
    }
    return new ResourceChange(
        displayName,
        ResourceChange.DELETED,
        summary,
        0,
        (int) Math.min(Integer.MAX_VALUE, memberCount));
  }

  /** Group membership changes: {@code members +3 −1}; null when none. */
  static String members(int added, int removed) {
    if (added == 0 && removed == 0) {
      return null;
    }
    StringBuilder b = new StringBuilder("members");
    if (added > 0) {
      b.append(" +").append(added);
    }
    if (removed > 0) {
      b.append(" \u2212").append(removed);
    }
    return b.toString();
  }

  /**
   * Names of the attributes whose value differs, sorted; the enterprise extension's attributes by
   * their own names ({@code department}, {@code manager}). {@code schemas} and {@code meta} are not
   * attributes a person changes.
   */
  static List<String> changedAttributes(JsonObject before, JsonObject after) {
    TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    TreeSet<String> keys = new TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (String key : keys) {
      if (key.equalsIgnoreCase("schemas") || key.equalsIgnoreCase("meta")) {
        continue;
      }
      JsonValue a = before.get(key);
      JsonValue b = after.get(key);
      if (Objects.equals(a, b)) {
        continue;
      }
      if (key.equalsIgnoreCase(Schemas.ENTERPRISE_USER)
          || key.toLowerCase(Locale.ROOT).startsWith("urn:")) {
        JsonObject x = a instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        JsonObject y = b instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        names.addAll(changedAttributes(x, y));
      } else {
        names.add(key);
      }
    }
    return new ArrayList<>(names);
  }

  private static String names(List<String> names) {
    if (names.size() <= MAX_NAMES) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, MAX_NAMES))
        + " and "
        + (names.size() - MAX_NAMES)
        + " more";
  }
}
