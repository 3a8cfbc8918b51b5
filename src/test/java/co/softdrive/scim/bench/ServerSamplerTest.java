package co.softdrive.scim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ServerSamplerTest {

  @Test
  void cpuSecondsOfAProcessGrowWithTheWorkItDoes() {
    assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "needs Linux /proc");
    ServerSampler sampler = new ServerSampler(ProcessHandle.current().pid(), "none", null);
    double before = sampler.cpuSeconds();
    long end = System.nanoTime() + 300_000_000L;
    long spin = 0;
    while (System.nanoTime() < end) {
      spin += Long.numberOfTrailingZeros(spin + 1);
    }
    double after = sampler.cpuSeconds();
    assertTrue(before > 0 && after - before >= 0.1, before + " -> " + after + " (" + spin + ")");
  }

  @Test
  void withoutAPidThereIsNoCpuFigure() {
    assertEquals(-1, new ServerSampler(0, "none", null).cpuSeconds());
  }

  @Test
  void theMachineIsNamed() {
    Machine m = Machine.current();
    assertTrue(m.cores() > 0 && !m.cpu().isEmpty(), m.toString());
    assertTrue(m.text().contains(m.cores() + " cores"), m.text());
  }
}
