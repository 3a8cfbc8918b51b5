package co.softdrive.scim.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Reads choices from a fuzzer's raw bytes, like Jazzer's {@code FuzzedDataProvider}, but over a
 * plain {@code byte[]}: a target taking {@code byte[]} can be given seed inputs ({@link #seeds}),
 * which a {@code FuzzedDataProvider} target cannot, and without seeds libFuzzer grows inputs only a
 * few bytes at a time — too slow for a structured target in a bounded run. Once the bytes run out
 * every choice is the smallest one.
 */
public final class FuzzBytes {
  private final byte[] data;
  private int position;

  public FuzzBytes(byte[] data) {
    this.data = data;
  }

  /** {@code count} pseudo-random inputs of {@code length} bytes (fixed seed: reproducible). */
  public static Stream<byte[]> seeds(int count, int length) {
    Random random = new Random(7);
    return IntStream.range(0, count)
        .mapToObj(
            i -> {
              byte[] seed = new byte[length];
              random.nextBytes(seed);
              return seed;
            });
  }

  /** An int in {@code [min, max]}. */
  public int consumeInt(int min, int max) {
    long range = (long) max - min + 1;
    long value = 0;
    for (long covered = 1; covered < range && position < data.length; covered <<= 8) {
      value = (value << 8) | (data[position++] & 0xff);
    }
    return (int) (min + Math.floorMod(value, range));
  }

  public boolean consumeBoolean() {
    return consumeInt(0, 1) == 1;
  }

  public long consumeLong() {
    long value = 0;
    for (int i = 0; i < 8 && position < data.length; i++) {
      value = (value << 8) | (data[position++] & 0xff);
    }
    return value;
  }

  /** Up to {@code maxBytes} bytes decoded as UTF-8 (malformed sequences become U+FFFD). */
  public String consumeString(int maxBytes) {
    int length = Math.min(consumeInt(0, maxBytes), data.length - position);
    byte[] bytes = Arrays.copyOfRange(data, position, position + length);
    position += length;
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public <T> T pickValue(List<T> values) {
    return values.get(consumeInt(0, values.size() - 1));
  }
}
