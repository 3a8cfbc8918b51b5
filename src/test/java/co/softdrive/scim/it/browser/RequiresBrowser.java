package co.softdrive.scim.it.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Skips a browser test class when Chromium or its driver is missing, the way container-based suites
 * skip without Docker: the build stays green on a machine with only Java and Maven, and Failsafe
 * reports the tests as skipped, with one line that says what is missing and how to install it. With
 * {@code -Dit.browser.required=true} (as in CI) a missing browser fails instead.
 *
 * <p>Each test is aborted on its own rather than the class in {@code @BeforeAll}: JUnit reports a
 * class aborted before its tests as zero tests run, which Failsafe would not count as skipped.
 */
public final class RequiresBrowser implements BeforeAllCallback, BeforeEachCallback {
  private static final Logger LOG = Logger.getLogger(RequiresBrowser.class.getName());
  static final String INSTALL = "apt-get install -y chromium chromium-driver";

  @Override
  public void beforeAll(ExtensionContext context) {
    try {
      checkThisMachine();
    } catch (TestAbortedException skip) {
      LOG.log(
          Level.WARNING, "{0}: {1}", new Object[] {context.getDisplayName(), skip.getMessage()});
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    checkThisMachine();
  }

  private static void checkThisMachine() {
    check(
        Path.of(System.getProperty("it.chrome.binary", "/usr/bin/chromium")),
        Path.of(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")),
        Boolean.getBoolean("it.browser.required"));
  }

  /**
   * Returns when both programs can be run; otherwise aborts the caller's test (a skip) or, when
   * {@code required}, fails it.
   */
  static void check(Path browser, Path driver, boolean required) {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(browser)) {
      missing.add("Chromium (" + browser + ")");
    }
    if (!Files.isExecutable(driver)) {
      missing.add("ChromeDriver (" + driver + ")");
    }
    if (missing.isEmpty()) {
      return;
    }
    String what = String.join(" and ", missing);
    if (required) {
      throw new IllegalStateException(
          "Browser tests need " + what + " (-Dit.browser.required=true); install with: " + INSTALL);
    }
    throw new TestAbortedException(
        "Browser tests skipped: " + what + " not found; install with: " + INSTALL);
  }
}
