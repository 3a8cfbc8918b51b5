package co.softdrive.scim.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine the benchmark client runs on: processor model, cores, memory, OS and Java. Figures of
 * two runs compare only on comparable machines (the same 2-core kind served the ceiling endpoint at
 * 1,700 req/s on one day and 10,500 on another), so every report names its machine.
 *
 * @param cpu the processor's model name, or the OS architecture when {@code /proc/cpuinfo} is
 *     absent
 * @param cores processors available to the JVM
 * @param memoryBytes physical memory, or -1 if unknown
 * @param os OS name, version and architecture
 * @param java Java runtime version
 */
record Machine(String cpu, int cores, long memoryBytes, String os, String java) {

  static Machine current() {
    return new Machine(
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        memory(),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"),
        System.getProperty("java.version"));
  }

  String text() {
    return String.format(
        Locale.ROOT,
        "%s, %d cores, %s, %s, Java %s",
        cpu,
        cores,
        memoryBytes < 0
            ? "memory unknown"
            : String.format(Locale.ROOT, "%.1f GiB", memoryBytes / 1073741824.0),
        os,
        java);
  }

  JsonObject json() {
    return Json.createObjectBuilder()
        .add("cpu", cpu)
        .add("cores", cores)
        .add("memoryBytes", memoryBytes)
        .add("os", os)
        .add("java", java)
        .build();
  }

  /**
   * The first {@code model name} of {@code /proc/cpuinfo}, with its clock if the line gives none.
   */
  static String cpuModel() {
    try {
      String model = null;
      String mhz = null;
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        int colon = line.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String key = line.substring(0, colon).trim();
        if (model == null && key.equals("model name")) {
          model = line.substring(colon + 1).trim();
        } else if (mhz == null && key.equals("cpu MHz")) {
          mhz = line.substring(colon + 1).trim();
        }
      }
      if (model != null) {
        return mhz == null || model.contains("Hz")
            ? model
            : model + " @ " + Math.round(Double.parseDouble(mhz)) + " MHz";
      }
    } catch (Exception e) {
      // not Linux, or not readable: fall back to the architecture
    }
    return System.getProperty("os.arch");
  }

  private static long memory() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return -1;
  }
}
