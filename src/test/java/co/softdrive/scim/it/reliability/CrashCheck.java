package co.softdrive.scim.it.reliability;

import co.softdrive.scim.it.reliability.Ledger.MemberOp;
import co.softdrive.scim.it.reliability.Ledger.Outcome;
import co.softdrive.scim.it.reliability.Ledger.User;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares what the server holds after the crashes with the {@link Ledger}: every acknowledged
 * write present, every write with an unknown outcome applied entirely or not at all, nothing that
 * no client sent, and one change-feed event per applied change with no gap or duplicate cursor.
 */
final class CrashCheck {
  final List<String> violations = new ArrayList<>();
  int usersChecked;
  int memberOpsChecked;
  int eventsChecked;
  int unknownApplied;

  private final Map<String, Integer> versionById = new HashMap<>();
  private final Map<MemberOp, Boolean> applied = new HashMap<>();

  void run(
      Ledger ledger,
      ServerSnapshot server,
      String tenantId,
      long afterCursor,
      List<JsonObject> feed) {
    users(ledger, new HashMap<>(server.usersByName));
    members(ledger, server);
    events(ledger, tenantId, afterCursor, feed);
  }

  private void users(Ledger ledger, Map<String, JsonObject> byName) {
    for (User u : ledger.users) {
      JsonObject r = byName.remove(u.userName);
      if (r == null) {
        if (u.created == Outcome.ACKED) {
          violations.add("acknowledged user " + u.userName + " (" + u.id + ") is missing");
        }
        continue;
      }
      usersChecked++;
      if (u.created == Outcome.ACKED && !u.id.equals(r.getString("id"))) {
        violations.add(
            "user " + u.userName + " has id " + r.getString("id") + ", acknowledged " + u.id);
      }
      u.id = r.getString("id");
      int title = CrashLoad.versionOf(r.getString("title", "v-1"));
      int given = CrashLoad.versionOf(r.getJsonObject("name").getString("givenName", "v-1"));
      int display = CrashLoad.versionOf(r.getString("displayName", "v-1"));
      if (title != given || title != display) {
        violations.add(
            "half-applied PATCH on "
                + u.userName
                + ": title v"
                + title
                + ", givenName v"
                + given
                + ", displayName v"
                + display);
      }
      Set<Integer> allowed = new HashSet<>();
      allowed.add(u.created == Outcome.ACKED ? u.version : 0);
      if (u.unknownVersion != null) {
        allowed.add(u.unknownVersion);
        if (title == u.unknownVersion) {
          unknownApplied++;
        }
      } else if (u.created == Outcome.UNKNOWN) {
        unknownApplied++;
      }
      if (!allowed.contains(title)) {
        violations.add(
            "user " + u.userName + " is at version " + title + ", expected one of " + allowed);
      }
      versionById.put(u.id, title);
    }
    byName.keySet().forEach(n -> violations.add("user " + n + " exists but no client created it"));
  }

  private void members(Ledger ledger, ServerSnapshot server) {
    for (MemberOp op : ledger.memberOps) {
      memberOpsChecked++;
      Set<String> group = server.members.get(op.groupId());
      long in = op.users().stream().filter(u -> group.contains(u.id)).count();
      if (op.outcome() == Outcome.ACKED) {
        applied.put(op, true);
        continue;
      }
      if (in != 0 && in != op.users().size()) {
        violations.add(
            "half-applied member "
                + (op.add() ? "add" : "remove")
                + " on group "
                + op.groupId()
                + ": "
                + in
                + " of "
                + op.users().size()
                + " members present");
      }
      boolean done = op.add() ? in == op.users().size() : in == 0;
      applied.put(op, done);
      unknownApplied += done ? 1 : 0;
    }
    Map<String, Set<String>> expected = new HashMap<>();
    server.members.keySet().forEach(g -> expected.put(g, new HashSet<>()));
    for (User u : ledger.users) {
      String group = u.group;
      if (u.unknownOp != null && applied.get(u.unknownOp)) {
        group = u.unknownOp.add() ? u.unknownOp.groupId() : null;
      }
      if (group != null) {
        expected.get(group).add(u.id);
      }
    }
    for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
      Set<String> actual = server.members.get(e.getKey());
      Set<String> missing = new HashSet<>(e.getValue());
      missing.removeAll(actual);
      Set<String> extra = new HashSet<>(actual);
      extra.removeAll(e.getValue());
      if (!missing.isEmpty()) {
        violations.add("group " + e.getKey() + " lacks acknowledged members " + missing);
      }
      if (!extra.isEmpty()) {
        violations.add(
            "group " + e.getKey() + " has members that were removed or never added " + extra);
      }
    }
  }

  private void events(Ledger ledger, String tenantId, long afterCursor, List<JsonObject> feed) {
    long expectedCursor = afterCursor + 1;
    Map<String, Integer> created = new HashMap<>();
    Map<String, Integer> updated = new HashMap<>();
    Map<String, Integer> memberships = new HashMap<>();
    for (JsonObject e : feed) {
      long cursor = Feed.cursor(e);
      if (cursor != expectedCursor) {
        violations.add(
            "feed cursor " + cursor + " where " + expectedCursor + " was next (gap or duplicate)");
      }
      expectedCursor = cursor + 1;
      if (!tenantId.equals(e.getString("tenantId"))) {
        continue;
      }
      eventsChecked++;
      String id = e.getString("resourceId");
      switch (e.getString("type")) {
        case "account.created" -> created.merge(id, 1, Integer::sum);
        case "account.updated" -> updated.merge(id, 1, Integer::sum);
        case "group.members.added", "group.members.removed" -> {
          boolean add = e.getString("type").endsWith("added");
          Feed.userIds(e).forEach(u -> memberships.merge(membership(add, id, u), 1, Integer::sum));
        }
        default -> violations.add("unexpected event " + e);
      }
    }
    for (Map.Entry<String, Integer> v : versionById.entrySet()) {
      if (!Objects.equals(created.remove(v.getKey()), 1)) {
        violations.add("user " + v.getKey() + " does not have exactly one account.created event");
      }
      int updates = Objects.requireNonNullElse(updated.remove(v.getKey()), 0);
      if (updates != v.getValue()) {
        violations.add(
            "user "
                + v.getKey()
                + " has "
                + updates
                + " account.updated events for "
                + v.getValue()
                + " applied PATCHes");
      }
    }
    created
        .keySet()
        .forEach(id -> violations.add("account.created for a user that does not exist: " + id));
    updated
        .keySet()
        .forEach(id -> violations.add("account.updated for a user that does not exist: " + id));
    for (MemberOp op : ledger.memberOps) {
      if (applied.get(op)) {
        for (User u : op.users()) {
          String key = membership(op.add(), op.groupId(), u.id);
          if (memberships.merge(key, -1, Integer::sum) == 0) {
            memberships.remove(key);
          }
        }
      }
    }
    memberships.forEach((k, n) -> violations.add("membership events off by " + n + " for " + k));
  }

  private static String membership(boolean add, String group, String user) {
    return (add ? "added " : "removed ") + user + " to/from group " + group;
  }
}
