package co.softdrive.scim.app;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps HTTP connections open after the client errors a SCIM client meets in normal traffic (400,
 * 403, 404, 405, 406, 409, 412, 415).
 *
 * <p>Why this exists: Open Liberty's HTTP channel turns persistence off for every status its status
 * table flags as an error (400, 402–417, 500–505; 401 is not flagged) and sends {@code Connection:
 * Close}, whatever the application does; no server.xml option changes that. Entra gets 404s and
 * 409s in every cycle, and each one cost a new TCP (and TLS) handshake. The servlet container turns
 * a status number into the channel's status object through that table, so this replaces the table's
 * entries for the codes above with equal entries (same number and reason phrase) that are not
 * flagged: the channel then keeps the connection as for any other answer (a request body left
 * unread is still drained or the connection closed, by the channel's own rules). 408, 413, 5xx and
 * the answers the channel writes itself keep closing the connection.
 *
 * <p>The table is internal to Liberty ({@code com.ibm.wsspi.http.channel.values.StatusCodes},
 * reached through the web container's class loader). When a Liberty release changes it, this logs a
 * warning and changes nothing: errors then close connections as before, and {@code KeepAliveIT}
 * fails.
 */
final class KeepAliveOnClientErrors {
  private static final Logger LOG = Logger.getLogger(KeepAliveOnClientErrors.class.getName());
  static final int[] CODES = {400, 403, 404, 405, 406, 409, 412, 415};
  private static final String TABLE = "com.ibm.wsspi.http.channel.values.StatusCodes";

  private KeepAliveOnClientErrors() {}

  /**
   * Applies the change once per server; {@code containerLoader} is a class loader of the web
   * container (the one of its {@code ServletContext} implementation). Returns the codes changed.
   */
  static synchronized List<Integer> apply(ClassLoader containerLoader) {
    List<Integer> changed = new ArrayList<>();
    try {
      Class<?> table = Class.forName(TABLE, true, containerLoader);
      Method byCode = table.getMethod("getByOrdinal", int.class);
      Method isError = table.getMethod("isErrorCode");
      Method phrase = table.getMethod("getDefaultPhrase");
      Constructor<?> entry = table.getConstructor(int.class, String.class, boolean.class);
      for (int code : CODES) {
        Object current = byCode.invoke(null, code);
        if (current != null && (Boolean) isError.invoke(current)) {
          // The constructor registers the new entry in the table in place of the old one.
          entry.newInstance(code, phrase.invoke(current), false);
          changed.add(code);
        }
      }
      LOG.log(Level.FINE, "Client errors that now keep the connection: {0}", changed);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Could not make client errors keep the HTTP connection ({0}); 4xx answers other than 401"
              + " close it",
          e.toString());
    }
    return changed;
  }
}
