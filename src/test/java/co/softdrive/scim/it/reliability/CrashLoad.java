package co.softdrive.scim.it.reliability;

import co.softdrive.scim.it.reliability.Ledger.MemberOp;
import co.softdrive.scim.it.reliability.Ledger.Outcome;
import co.softdrive.scim.it.reliability.Ledger.User;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Client threads that write at the server without pause: user POSTs, user PATCHes that replace
 * three attributes at once (title, name.givenName and displayName carry the same version, so a
 * half-applied PATCH is visible), and group PATCHes that add (sometimes in two operations) or
 * remove several members. While {@link #down} is set the clients send nothing; a request that dies
 * with its connection is recorded with an unknown outcome.
 */
final class CrashLoad {
  private final Http http;
  private final List<String> groups;
  private final Ledger ledger;
  private final List<Thread> threads = new ArrayList<>();
  volatile boolean down;
  private volatile boolean stop;

  CrashLoad(Http http, List<String> groups, Ledger ledger) {
    this.http = http;
    this.groups = groups;
    this.ledger = ledger;
  }

  void start(int clients, long seed) {
    for (int i = 0; i < clients; i++) {
      Client c = new Client(i, new Random(seed + i));
      Thread t = new Thread(c::run, "crash-client-" + i);
      threads.add(t);
      t.start();
    }
  }

  void stop() throws InterruptedException {
    stop = true;
    for (Thread t : threads) {
      t.join(120_000);
    }
  }

  static int versionOf(String value) {
    int v = value.lastIndexOf(" v");
    return Integer.parseInt(v < 0 ? value.substring(1) : value.substring(v + 2));
  }

  /** One client thread: owns the users it creates. */
  private final class Client {
    private final int number;
    private final Random random;
    private final List<User> mine = new ArrayList<>();
    private int created;

    Client(int number, Random random) {
      this.number = number;
      this.random = random;
    }

    void run() {
      while (!stop) {
        if (down) {
          pause();
          continue;
        }
        List<User> live = mine.stream().filter(User::live).toList();
        List<User> outside = live.stream().filter(u -> u.group == null).toList();
        List<User> inside = live.stream().filter(u -> u.group != null).toList();
        double r = random.nextDouble();
        if (live.size() < 4 || r < 0.3) {
          createUser();
        } else if (r < 0.6) {
          patchUser(live.get(random.nextInt(live.size())));
        } else if ((r < 0.85 || inside.isEmpty()) && !outside.isEmpty()) {
          addMembers(outside);
        } else if (!inside.isEmpty()) {
          removeMembers(inside);
        } else {
          createUser();
        }
      }
    }

    private void createUser() {
      User u =
          new User(
              "crash-"
                  + number
                  + "-"
                  + created++
                  + "-"
                  + random.nextInt(1_000_000)
                  + "@example.com");
      String body =
          Bodies.user(
              u.userName,
              "\"displayName\":\"Crash " + u.userName + " v0\",\"title\":\"v0\"",
              "\"name\":{\"givenName\":\"v0\",\"familyName\":\"Client " + number + "\"}",
              "\"emails\":[{\"value\":\"" + u.userName + "\",\"type\":\"work\",\"primary\":true}]");
      Outcome o = call("POST", "/Users", body, 201, reply -> u.id = reply.json().getString("id"));
      if (o == null) {
        return;
      }
      u.created = o;
      u.retired = o == Outcome.UNKNOWN;
      mine.add(u);
      ledger.users.add(u);
    }

    private void patchUser(User u) {
      int next = u.version + 1;
      String body =
          Bodies.patch(
              Bodies.op("Replace", "title", Bodies.str("v" + next)),
              Bodies.op("Replace", "name.givenName", Bodies.str("v" + next)),
              Bodies.op("Replace", "displayName", Bodies.str("Crash " + u.userName + " v" + next)));
      Outcome o = call("PATCH", "/Users/" + u.id, body, 200, reply -> {});
      if (o == Outcome.ACKED) {
        u.version = next;
        ledger.userPatchesAcked.incrementAndGet();
      } else if (o == Outcome.UNKNOWN) {
        u.unknownVersion = next;
        u.retired = true;
      }
    }

    private void addMembers(List<User> outside) {
      List<User> users = pick(outside, 1 + random.nextInt(5));
      String group = groups.get(random.nextInt(groups.size()));
      List<String> ids = users.stream().map(u -> u.id).toList();
      int half = ids.size() / 2;
      String body =
          users.size() > 1 && random.nextBoolean()
              ? Bodies.patch(
                  Bodies.members("Add", ids.subList(0, half)),
                  Bodies.members("Add", ids.subList(half, ids.size())))
              : Bodies.patch(Bodies.members("Add", ids));
      changeMembers(true, group, users, body);
    }

    private void removeMembers(List<User> inside) {
      String group = inside.get(random.nextInt(inside.size())).group;
      List<User> users =
          pick(inside.stream().filter(u -> group.equals(u.group)).toList(), 1 + random.nextInt(3));
      changeMembers(
          false,
          group,
          users,
          Bodies.patch(Bodies.members("Remove", users.stream().map(u -> u.id).toList())));
    }

    private void changeMembers(boolean add, String group, List<User> users, String body) {
      Outcome o = call("PATCH", "/Groups/" + group, body, 204, reply -> {});
      if (o == null) {
        return;
      }
      MemberOp op = new MemberOp(add, group, users, o);
      ledger.memberOps.add(op);
      for (User u : users) {
        if (o == Outcome.ACKED) {
          u.group = add ? group : null;
        } else {
          u.unknownOp = op;
          u.retired = true;
        }
      }
    }

    private List<User> pick(List<User> from, int n) {
      List<User> copy = new ArrayList<>(from);
      java.util.Collections.shuffle(copy, random);
      return new ArrayList<>(copy.subList(0, Math.min(n, copy.size())));
    }

    /**
     * Sends one write. ACKED on the expected status, UNKNOWN when the connection died with the
     * request in flight or the answer was unexpected (recorded), null when the server refused the
     * connection (the request was never sent).
     */
    private Outcome call(
        String method, String path, String body, int expected, Consumer<Http.Reply> onAck) {
      try {
        Http.Reply reply = http.send(method, path, body);
        ledger.sent.incrementAndGet();
        if (reply.status() == expected) {
          onAck.accept(reply);
          ledger.acked.incrementAndGet();
          return Outcome.ACKED;
        }
        ledger.unexpected.add(method + " " + path + " -> " + reply);
      } catch (ConnectException e) {
        ledger.refused.incrementAndGet();
        pause();
        return null;
      } catch (IOException e) {
        ledger.sent.incrementAndGet();
        pause();
      }
      ledger.unknown.incrementAndGet();
      return Outcome.UNKNOWN;
    }

    private void pause() {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop = true;
      }
    }
  }
}
