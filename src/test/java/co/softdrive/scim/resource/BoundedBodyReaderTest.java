package co.softdrive.scim.resource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.protocol.error.ScimException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/** A request body is read whole, within its size limit and its deadline. */
class BoundedBodyReaderTest {

  @Test
  void aBodyThatTricklesPastTheDeadlineIs408() {
    // The reported load: one byte at a time, never finishing; here one every 300 ms.
    InputStream trickle =
        new InputStream() {
          @Override
          public int read() throws IOException {
            try {
              Thread.sleep(300);
            } catch (InterruptedException e) {
              throw new IOException(e);
            }
            return ' ';
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            b[off] = (byte) read();
            return 1;
          }
        };
    long start = System.nanoTime();
    ScimException e =
        assertThrows(ScimException.class, () -> BoundedBodyReader.read(trickle, 1000, 1));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(408, e.status());
    assertTrue(e.getMessage().contains("within 1 seconds"), e.getMessage());
    assertTrue(millis < 1_500, "cut off after " + millis + " ms");
  }

  @Test
  void aReadThatTimesOutIs408() {
    InputStream silent =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new SocketTimeoutException("Read timed out");
          }
        };
    assertEquals(
        408,
        assertThrows(ScimException.class, () -> BoundedBodyReader.read(silent, 10, 5)).status());
  }

  @Test
  void aBodyAtTheLimitIsReadAndOneByteMoreIs413() {
    byte[] atLimit = new byte[20_000];
    assertArrayEquals(
        atLimit, BoundedBodyReader.read(new ByteArrayInputStream(atLimit), 20_000, 5));
    ScimException e =
        assertThrows(
            ScimException.class,
            () -> BoundedBodyReader.read(new ByteArrayInputStream(new byte[20_001]), 20_000, 5));
    assertEquals(413, e.status());
    assertTrue(e.getMessage().contains("limit of 20000 bytes"), e.getMessage());
  }

  @Test
  void anEmptyBodyIsEmpty() {
    assertEquals(0, BoundedBodyReader.read(new ByteArrayInputStream(new byte[0]), 10, 5).length);
  }
}
