package co.softdrive.scim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;

/** Fixed sets of worker threads over bounded loops: a number of tasks, or a deadline. */
final class Workers {
  private Workers() {}

  /** Runs {@code task(0..tasks-1)} on {@code concurrency} threads; returns when all are done. */
  static void run(int concurrency, long tasks, LongConsumer task) {
    AtomicLong next = new AtomicLong();
    runThreads(
        (int) Math.min(concurrency, Math.max(1, tasks)),
        () -> {
          for (long i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
            task.accept(i);
          }
        });
  }

  /**
   * Closed loop: {@code concurrency} threads call {@code task(i)} back to back until the deadline
   * passes or {@code maxTasks} calls were made. The task returns false to stop early.
   */
  static void runFor(int concurrency, long durationNanos, long maxTasks, LongPredicate task) {
    long deadline = System.nanoTime() + durationNanos;
    AtomicLong next = new AtomicLong();
    runThreads(
        concurrency,
        () -> {
          for (long i = next.getAndIncrement();
              i < maxTasks && System.nanoTime() < deadline;
              i = next.getAndIncrement()) {
            if (!task.test(i)) {
              return;
            }
          }
        });
  }

  /**
   * Open loop: request {@code k} is due at {@code start + k / ratePerSecond}; {@code threads}
   * threads pick the next due request, wait until it is due and run it with its due time.
   */
  static void paced(int threads, double ratePerSecond, long durationNanos, PacedTask task) {
    long total = (long) (ratePerSecond * durationNanos / 1e9);
    double interval = 1e9 / ratePerSecond;
    long start = System.nanoTime() + 50_000_000L;
    AtomicLong next = new AtomicLong();
    runThreads(
        threads,
        () -> {
          for (long k = next.getAndIncrement(); k < total; k = next.getAndIncrement()) {
            long due = start + (long) (k * interval);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
              java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            task.run(k, due);
          }
        });
  }

  interface PacedTask {
    void run(long k, long dueNanos);
  }

  private static void runThreads(int n, Runnable body) {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Thread t = new Thread(body, "bench-worker-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
