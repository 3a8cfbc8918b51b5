package co.softdrive.scim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
  void statLinesGiveTheThreadNameAndItsTicksWhateverTheNameHolds() {
    String c2 = "4242 (C2 CompilerThre) S 1 4200 4200 0 -1 1077952576 10 0 0 0 1234 56 0 0 20 0 1";
    assertEquals("C2 CompilerThre", ServerSampler.command(c2));
    assertEquals(1290, ServerSampler.ticks(c2));
    String odd = "7 (a (b) c) R 1 7 7 0 -1 4194304 0 0 0 0 3 4 0 0 20 0 1";
    assertEquals("a (b) c", ServerSampler.command(odd));
    assertEquals(7, ServerSampler.ticks(odd));
  }

  @Test
  void compilerThreadsAreHotSpotsAndOpenJ9s() {
    assertTrue(ServerSampler.isCompilerThread("C1 CompilerThre"));
    assertTrue(ServerSampler.isCompilerThread("C2 CompilerThre"));
    assertTrue(ServerSampler.isCompilerThread("JIT Compilation"));
    assertFalse(ServerSampler.isCompilerThread("Default Executo"));
    assertFalse(ServerSampler.isCompilerThread("GC Thread#0"));
  }

  /** This test's own JVM compiles too: its compiler threads' CPU is read, and part of the whole. */
  @Test
  void compilerCpuIsReadFromTheProcesssThreadsAndIsPartOfItsCpu() {
    assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "needs Linux /proc");
    ServerSampler sampler = new ServerSampler(ProcessHandle.current().pid(), "none", null);
    double compiler = sampler.compilerCpuSeconds();
    double all = sampler.cpuSeconds();
    assertTrue(compiler > 0 && compiler < all, compiler + " of " + all);
    assertEquals(-1, new ServerSampler(0, "none", null).compilerCpuSeconds());
  }

  @Test
  void usedHeapIsSummedOverTheGenerationsOfEveryCollector() {
    String g1 =
        " garbage-first heap   total 524288K, used 81234K [0x00000000e0000000, 0x0000000100000000)\n"
            + "  region size 1024K, 3 young (3072K), 0 survivors (0K)\n"
            + " Metaspace       used 96431K, committed 97408K, reserved 1138688K\n";
    String parallel =
        " PSYoungGen      total 152576K, used 2339K [0x00000000f5580000, 0x0000000100000000, 0x0000000100000000)\n"
            + "  eden space 131072K, 1% used [0x00000000f5580000,0x00000000f57c8d10,0x00000000fd580000)\n"
            + " ParOldGen       total 349696K, used 76544K [0x00000000e0000000, 0x00000000f5580000, 0x00000000f5580000)\n"
            + "  object space 349696K, 21% used [0x00000000e0000000,0x00000000e4ac0000,0x00000000f5580000)\n"
            + " Metaspace       used 96431K, committed 97408K, reserved 1138688K\n";
    assertEquals(81234L * 1024, ServerSampler.heapUsed(g1));
    assertEquals((2339L + 76544L) * 1024, ServerSampler.heapUsed(parallel));
    assertEquals(-1, ServerSampler.heapUsed("Could not attach"));
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
