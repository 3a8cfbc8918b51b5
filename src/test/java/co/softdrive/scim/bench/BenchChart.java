package co.softdrive.scim.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Draws a PNG from one or more JSON files of {@link Bench} runs (e.g. Derby and PostgreSQL side by
 * side): one row per scenario and request type, p50 (solid) and p99 (light) latency on a log scale
 * on the left, throughput on the right, one colour per run. Plain Java2D, headless.
 *
 * <p>{@code mvn -Pbench exec:java -Dbench.main=co.softdrive.scim.bench.BenchChart
 * -Dbench.args="docs/benchmarks.png target/bench/derby.json target/bench/postgres.json"}
 */
public final class BenchChart {
  private static final Color[] COLOURS = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)
  };
  private static final int ROW = 16;
  private static final int LABEL_W = 300;
  private static final int PANEL_W = 430;
  private static final int TOP = 70;

  private BenchChart() {}

  record Run(String label, Map<String, double[]> rows) {}

  public static void main(String[] args) throws IOException {
    List<String> list = words(args);
    if (list.size() < 2) {
      System.err.println("usage: BenchChart out.png run1.json [run2.json ...]");
      return;
    }
    List<Run> runs = new ArrayList<>();
    for (String file : list.subList(1, list.size())) {
      runs.add(read(Path.of(file)));
    }
    render(runs, Path.of(list.get(0)));
    System.out.println("chart written to " + list.get(0));
  }

  /** The arguments split at white space (exec:java passes -Dbench.args as one string). */
  static List<String> words(String[] args) {
    List<String> list = new ArrayList<>();
    for (String a : args) {
      for (String part : a.trim().split("\\s+")) {
        if (!part.isEmpty()) {
          list.add(part);
        }
      }
    }
    return list;
  }

  /** Rows "scenario / type" -> {p50, p99, throughput}; set-up phases are left out. */
  static Run read(Path file) throws IOException {
    JsonObject root = BenchTables.read(file);
    Map<String, double[]> rows = new LinkedHashMap<>();
    for (JsonValue sv : root.getJsonArray("scenarios")) {
      JsonObject s = sv.asJsonObject();
      String scenario = s.getString("name");
      if (scenario.endsWith("-setup")) {
        continue;
      }
      for (JsonValue rv : s.getJsonArray("requests")) {
        JsonObject q = rv.asJsonObject();
        rows.put(
            scenario + " / " + q.getString("type"),
            new double[] {
              q.getJsonNumber("p50Ms").doubleValue(),
              q.getJsonNumber("p99Ms").doubleValue(),
              q.getJsonNumber("throughput").doubleValue()
            });
      }
    }
    return new Run(root.getString("label", file.getFileName().toString()), rows);
  }

  static void render(List<Run> runs, Path out) throws IOException {
    Set<String> keys = new LinkedHashSet<>();
    runs.forEach(r -> keys.addAll(r.rows().keySet()));
    List<String> rows = new ArrayList<>(keys);
    int bandH = ROW * runs.size() + 6;
    int width = LABEL_W + 2 * PANEL_W + 40;
    int height = TOP + rows.size() * bandH + 60;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString("SCIM benchmark: latency p50 (solid) / p99 (light), and throughput", 10, 22);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    int lx = 10;
    for (int i = 0; i < runs.size(); i++) {
      g.setColor(COLOURS[i % COLOURS.length]);
      g.fillRect(lx, 32, 12, 12);
      g.setColor(Color.BLACK);
      g.drawString(runs.get(i).label(), lx + 16, 43);
      lx += 30 + g.getFontMetrics().stringWidth(runs.get(i).label());
    }
    double minMs = 0.1;
    double maxMs = 100_000;
    double maxTp = 1;
    for (Run r : runs) {
      for (double[] v : r.rows().values()) {
        maxTp = Math.max(maxTp, v[2]);
      }
    }
    maxTp = niceCeil(maxTp);
    int x1 = LABEL_W;
    int x2 = LABEL_W + PANEL_W + 30;
    int plotTop = TOP;
    int plotBottom = TOP + rows.size() * bandH;
    // Axes and grid.
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    for (double ms = minMs; ms <= maxMs; ms *= 10) {
      int x = x1 + (int) (PANEL_W * Math.log10(ms / minMs) / Math.log10(maxMs / minMs));
      g.setColor(new Color(0xdddddd));
      g.drawLine(x, plotTop, x, plotBottom);
      g.setColor(Color.DARK_GRAY);
      g.drawString(
          ms < 1 ? String.valueOf(ms) : String.format(Locale.ROOT, "%.0f", ms),
          x - 8,
          plotBottom + 14);
    }
    g.drawString("latency, ms (log scale)", x1 + PANEL_W / 2 - 60, plotBottom + 30);
    for (int i = 0; i <= 4; i++) {
      int x = x2 + PANEL_W * i / 4;
      g.setColor(new Color(0xdddddd));
      g.drawLine(x, plotTop, x, plotBottom);
      g.setColor(Color.DARK_GRAY);
      g.drawString(String.format(Locale.ROOT, "%.0f", maxTp * i / 4), x - 8, plotBottom + 14);
    }
    g.drawString("throughput, requests/s", x2 + PANEL_W / 2 - 60, plotBottom + 30);
    g.setColor(Color.DARK_GRAY);
    g.drawString("latency", x1, TOP - 6);
    g.drawString("throughput", x2, TOP - 6);
    // Bars.
    for (int ri = 0; ri < rows.size(); ri++) {
      String key = rows.get(ri);
      int y0 = TOP + ri * bandH;
      if (ri % 2 == 0) {
        g.setColor(new Color(0xf6f6f6));
        g.fillRect(0, y0, width, bandH);
      }
      g.setColor(Color.BLACK);
      g.drawString(abbreviate(key), 6, y0 + bandH / 2 + 4);
      for (int i = 0; i < runs.size(); i++) {
        double[] v = runs.get(i).rows().get(key);
        if (v == null) {
          continue;
        }
        Color c = COLOURS[i % COLOURS.length];
        int y = y0 + 3 + i * ROW;
        int w99 = logWidth(v[1], minMs, maxMs);
        int w50 = logWidth(v[0], minMs, maxMs);
        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 90));
        g.fillRect(x1, y, w99, ROW - 3);
        g.setColor(c);
        g.fillRect(x1, y + 3, w50, ROW - 9);
        int wtp = (int) (PANEL_W * Math.min(1, v[2] / maxTp));
        g.fillRect(x2, y, wtp, ROW - 3);
        g.setColor(Color.DARK_GRAY);
        g.drawString(String.format(Locale.ROOT, "%.0f", v[2]), x2 + wtp + 3, y + ROW - 5);
      }
    }
    g.setColor(Color.GRAY);
    g.setStroke(new BasicStroke(1));
    g.drawRect(x1, plotTop, PANEL_W, plotBottom - plotTop);
    g.drawRect(x2, plotTop, PANEL_W, plotBottom - plotTop);
    g.dispose();
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    ImageIO.write(img, "png", out.toFile());
  }

  private static int logWidth(double ms, double min, double max) {
    if (ms <= min) {
      return 1;
    }
    return (int) (PANEL_W * Math.min(1, Math.log10(ms / min) / Math.log10(max / min)));
  }

  private static double niceCeil(double v) {
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static String abbreviate(String s) {
    return s.length() > 46 ? s.substring(0, 45) + "…" : s;
  }
}
