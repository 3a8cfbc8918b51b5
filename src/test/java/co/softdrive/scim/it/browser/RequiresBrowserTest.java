package co.softdrive.scim.it.browser;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class RequiresBrowserTest {
  @TempDir Path dir;

  @Test
  void aMissingBrowserSkipsWithWhatIsMissingAndTheInstallCommand() {
    Path driver = executable("chromedriver");
    TestAbortedException skip =
        assertThrows(
            TestAbortedException.class,
            () -> RequiresBrowser.check(dir.resolve("chromium"), driver, false));
    assertEquals(
        "Browser tests skipped: Chromium ("
            + dir.resolve("chromium")
            + ") not found; install with: apt-get install -y chromium chromium-driver",
        skip.getMessage());
  }

  @Test
  void aMissingDriverSkipsToo() {
    TestAbortedException skip =
        assertThrows(
            TestAbortedException.class,
            () ->
                RequiresBrowser.check(executable("chromium"), dir.resolve("chromedriver"), false));
    assertTrue(skip.getMessage().contains("ChromeDriver (" + dir.resolve("chromedriver") + ")"));
  }

  @Test
  void aFileThatCannotBeRunCountsAsMissing() throws IOException {
    Path notExecutable = Files.createFile(dir.resolve("chromium"));
    assertThrows(
        TestAbortedException.class,
        () -> RequiresBrowser.check(notExecutable, executable("chromedriver"), false));
  }

  @Test
  void whenRequiredAMissingBrowserFailsInsteadOfSkipping() {
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () ->
                RequiresBrowser.check(dir.resolve("chromium"), dir.resolve("chromedriver"), true));
    assertTrue(failure.getMessage().contains("Chromium (" + dir.resolve("chromium") + ")"));
    assertTrue(failure.getMessage().contains("ChromeDriver"));
    assertTrue(failure.getMessage().contains(RequiresBrowser.INSTALL));
  }

  @Test
  void bothProgramsPresentRunsTheTests() {
    assertDoesNotThrow(
        () -> RequiresBrowser.check(executable("chromium"), executable("chromedriver"), true));
  }

  private Path executable(String name) {
    try {
      return Files.createFile(
          dir.resolve(name),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
