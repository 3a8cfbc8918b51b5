package co.softdrive.scim.protocol.patch;

import java.util.List;
import java.util.Objects;

/**
 * A change to a Group's membership that PATCH asks for. Members live in their own table, so the
 * engine hands these to the caller, which applies them in order in O(k) database work. Ids are
 * exactly as sent; unknown ids, non-user ids and duplicates are the caller's to ignore.
 *
 * @param kind what to do
 * @param values member ids ({@code ADD}, {@code REMOVE}, {@code REPLACE_ALL}); empty for {@code
 *     REMOVE_ALL}
 */
public record MemberChange(Kind kind, List<String> values) {
  public MemberChange {
    Objects.requireNonNull(kind);
    values = List.copyOf(values);
  }

  public enum Kind {
    /** Add these ids; adding an existing member is a no-op (RFC 7644 §3.5.2.1). */
    ADD,
    /** Remove these ids; removing a non-member is a no-op. */
    REMOVE,
    /** Remove every member. */
    REMOVE_ALL,
    /** Make these ids the complete member list. */
    REPLACE_ALL
  }

  public static MemberChange add(List<String> ids) {
    return new MemberChange(Kind.ADD, ids);
  }

  public static MemberChange remove(List<String> ids) {
    return new MemberChange(Kind.REMOVE, ids);
  }

  public static MemberChange removeAll() {
    return new MemberChange(Kind.REMOVE_ALL, List.of());
  }

  public static MemberChange replaceAll(List<String> ids) {
    return new MemberChange(Kind.REPLACE_ALL, ids);
  }
}
