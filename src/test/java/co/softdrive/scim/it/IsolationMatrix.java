package co.softdrive.scim.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an isolation matrix that a test ran as a Markdown table under {@code target/reliability/},
 * so that docs/reliability.md can show exactly the rows the build checks.
 */
public final class IsolationMatrix {
  private IsolationMatrix() {}

  /** One table: a header row and one line of cells per matrix row. */
  public static void write(String fileName, List<String> header, List<List<String>> rows) {
    List<String> lines = new ArrayList<>();
    lines.add(line(header));
    lines.add(line(header.stream().map(h -> "---").toList()));
    rows.forEach(r -> lines.add(line(r)));
    Path file = Path.of("target", "reliability", fileName);
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String line(List<String> cells) {
    return "| "
        + String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList())
        + " |";
  }
}
