package co.softdrive.scim.it.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the crash test's clients sent and what the server acknowledged with a 2xx. Each user is
 * owned by one client thread, which sends its requests one after the other, so the acknowledged
 * state of every user is exact. A request whose connection died (the server was killed with it in
 * flight) has an unknown outcome: both outcomes are legal, half of it is not, and the users it
 * touched get no further requests ("retired") so that the two candidate states stay known.
 */
final class Ledger {
  enum Outcome {
    ACKED,
    UNKNOWN
  }

  /** A user as its owning client knows it. */
  static final class User {
    final String userName;

    /** The id from the 201; null when the POST's outcome is unknown. */
    String id;

    Outcome created;

    /** Attribute version of the last acknowledged write (0 after the POST). */
    int version;

    /** The version a PATCH with an unknown outcome tried to write. */
    Integer unknownVersion;

    /** The group the user is an acknowledged member of, or null. */
    String group;

    /** A membership change of this user with an unknown outcome. */
    MemberOp unknownOp;

    boolean retired;

    User(String userName) {
      this.userName = userName;
    }

    boolean live() {
      return created == Outcome.ACKED && !retired;
    }
  }

  /** One group PATCH adding or removing some users (in one or more operations). */
  record MemberOp(boolean add, String groupId, List<User> users, Outcome outcome) {}

  final List<User> users = Collections.synchronizedList(new ArrayList<>());
  final List<MemberOp> memberOps = Collections.synchronizedList(new ArrayList<>());

  /** Answers that were neither the expected 2xx nor a dead connection: each is a finding. */
  final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());

  final AtomicInteger sent = new AtomicInteger();
  final AtomicInteger acked = new AtomicInteger();
  final AtomicInteger unknown = new AtomicInteger();
  final AtomicInteger refused = new AtomicInteger();
  final AtomicInteger userPatchesAcked = new AtomicInteger();
}
