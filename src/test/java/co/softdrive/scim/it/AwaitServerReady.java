package co.softdrive.scim.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Before the first integration test class, waits until the server under test reports ready (the
 * application has started and the schema is current). Registered automatically; a no-op for unit
 * tests, which run without {@code it.http.port}.
 */
public class AwaitServerReady implements BeforeAllCallback {
  private static volatile boolean ready;

  @Override
  public void beforeAll(ExtensionContext context) {
    if (ready || System.getProperty("it.http.port") == null) {
      return;
    }
    ServerControl.awaitReady(300);
    ready = true;
  }
}
