package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InListsTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 17, 64, 65, 255, 256, 257, 1000, 10_000})
  void paddedChunksCoverEveryIdAndUseOnlyBucketSizes(int n) {
    List<String> ids = IntStream.range(0, n).mapToObj(i -> "u" + i).toList();
    List<List<String>> chunks = InLists.padded(new ArrayList<>(ids));
    Set<String> covered = new HashSet<>();
    Set<Integer> sizes = Set.of(1, 4, 16, 64, 256);
    for (List<String> chunk : chunks) {
      assertTrue(sizes.contains(chunk.size()), "size " + chunk.size());
      covered.addAll(chunk);
    }
    assertEquals(new HashSet<>(ids), covered);
    assertTrue(chunks.size() <= n / 256 + 1);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 4, 5, 300, 1000})
  void insertBucketsAddUpExactly(int n) {
    int total = 0;
    while (total < n) {
      total += InLists.bucket(n - total);
    }
    assertEquals(n, total);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4, 256})
  void anInListHasOneMarkerPerId(int n) {
    String markers = InLists.parameters(n);
    assertEquals(n, markers.chars().filter(c -> c == '?').count());
    assertEquals(n - 1, markers.chars().filter(c -> c == ',').count());
  }
}
