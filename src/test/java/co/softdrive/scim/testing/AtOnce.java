package co.softdrive.scim.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs one call per client thread, all released at the same instant once every thread is ready: the
 * concurrency tests of budgets, racing requests and instances.
 */
public final class AtOnce {
  /** A client's call; {@code client} is the client's number, from 0. */
  public interface Call<T> {
    T call(int client) throws Exception;
  }

  private AtOnce() {}

  /** The results in client order; fails if a client did not finish in time. */
  public static <T> List<T> run(int clients, Call<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch ready = new CountDownLatch(clients);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        int client = i;
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return call.call(client);
                }));
      }
      ready.await(30, TimeUnit.SECONDS);
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(180, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
