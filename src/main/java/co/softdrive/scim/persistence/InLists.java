package co.softdrive.scim.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Statements over many ids in a few fixed shapes: IN lists and multi-row INSERTs are cut into
 * chunks of bucket sizes, and an IN list is padded by repeating its last id, so that the database
 * sees a handful of statement texts and keeps each compiled instead of a new text per list length.
 */
final class InLists {
  /** Chunk sizes, largest first. */
  static final int[] BUCKETS = {256, 64, 16, 4, 1};

  private InLists() {}

  /** The largest bucket that {@code remaining} rows fill: the next multi-row INSERT's size. */
  static int bucket(int remaining) {
    for (int b : BUCKETS) {
      if (remaining >= b) {
        return b;
      }
    }
    return 1;
  }

  /** Splits ids into chunks of bucket sizes; the last chunk is padded by repeating its last id. */
  static <T> List<List<T>> padded(List<T> ids) {
    List<List<T>> chunks = new ArrayList<>();
    int i = 0;
    while (i < ids.size()) {
      int remaining = ids.size() - i;
      int size = roundUp(remaining);
      int take = Math.min(size, remaining);
      List<T> chunk = new ArrayList<>(ids.subList(i, i + take));
      while (chunk.size() < size) {
        chunk.add(chunk.get(chunk.size() - 1));
      }
      chunks.add(chunk);
      i += take;
    }
    return chunks;
  }

  /** {@code n} parameter markers for an IN list: "?, ?, ?". */
  static String parameters(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  /** The smallest bucket that holds {@code n} ids; the largest bucket when none does. */
  private static int roundUp(int n) {
    int best = BUCKETS[0];
    for (int b : BUCKETS) {
      if (b >= n) {
        best = b;
      }
    }
    return best;
  }
}
