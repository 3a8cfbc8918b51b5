package co.softdrive.scim.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The integration-test server replaces {@code liberty/config/jvm.options} with the options in
 * {@code pom.xml}, so every JVM setting the product ships (heap, collector, embedded Derby's locks
 * and page cache) must be there too: otherwise the tests and benchmarks would measure another
 * configuration than the one that runs.
 */
class JvmOptionsTest {

  @Test
  void theTestServerRunsWithEveryOptionTheProductShips() throws IOException {
    List<String> shipped =
        Files.readAllLines(Path.of("liberty/config/jvm.options")).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    assertTrue(shipped.contains("-Dderby.storage.pageCacheSize=4000"), shipped.toString());
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher block = Pattern.compile("(?s)<jvmOptions>(.*?)</jvmOptions>").matcher(pom);
    assertTrue(block.find(), "the test server's <jvmOptions> in pom.xml");
    List<String> test = new ArrayList<>();
    Matcher param = Pattern.compile("<param>([^<]*)</param>").matcher(block.group(1));
    while (param.find()) {
      test.add(param.group(1).strip());
    }
    assertFalse(test.isEmpty());
    for (String option : shipped) {
      assertTrue(test.contains(option), option + " is shipped but not given to the test server");
    }
  }
}
