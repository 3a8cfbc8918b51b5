package co.softdrive.scim.it.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs one request per client thread, all released at the same instant. */
final class AtOnce {
  /** A client's request; {@code i} is the client's number. */
  interface Request {
    Http.Reply send(int i) throws Exception;
  }

  private AtOnce() {}

  /** The replies in client order; fails if any client could not get an answer in time. */
  static List<Http.Reply> run(int clients, Request request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch ready = new CountDownLatch(clients);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Http.Reply>> futures = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        int client = i;
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return request.send(client);
                }));
      }
      ready.await(30, TimeUnit.SECONDS);
      go.countDown();
      List<Http.Reply> replies = new ArrayList<>();
      for (Future<Http.Reply> f : futures) {
        replies.add(f.get(180, TimeUnit.SECONDS));
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }
}
