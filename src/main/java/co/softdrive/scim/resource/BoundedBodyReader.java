package co.softdrive.scim.resource;

import co.softdrive.scim.protocol.error.ScimErrors;
import co.softdrive.scim.protocol.error.ScimException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads a whole request body within a size limit (413) and a deadline (408). Each read waits at
 * most the server's own read timeout, so a client that sends nothing is cut off by that, and one
 * that trickles is cut off here, between two reads.
 */
final class BoundedBodyReader {
  private static final Logger LOG = Logger.getLogger(BoundedBodyReader.class.getName());

  private BoundedBodyReader() {}

  /**
   * @throws ScimException 413 when the body exceeds {@code maxBytes}, 408 when it is not complete
   *     within {@code seconds} or could not be read
   */
  static byte[] read(InputStream in, int maxBytes, int seconds) {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try {
      for (int n; (n = in.read(chunk)) >= 0; ) {
        body.write(chunk, 0, n);
        if (body.size() > maxBytes) {
          throw ScimErrors.payloadTooLarge(tooLarge(maxBytes));
        }
        if (System.nanoTime() > deadline) {
          throw tooSlow(seconds);
        }
      }
    } catch (IOException e) {
      // The server's read timeout, or the client went away.
      LOG.log(Level.FINE, "Reading a request body failed: {0}", String.valueOf(e));
      throw tooSlow(seconds);
    }
    return body.toByteArray();
  }

  static String tooLarge(int maxBytes) {
    return "The request body exceeds the limit of " + maxBytes + " bytes";
  }

  private static ScimException tooSlow(int seconds) {
    return ScimErrors.requestTimeout(
        "The request body did not arrive within " + seconds + " seconds of the request headers");
  }
}
