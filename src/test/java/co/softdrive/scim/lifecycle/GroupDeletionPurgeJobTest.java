package co.softdrive.scim.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.activity.ActivityConfig;
import co.softdrive.scim.persistence.JobLeases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduled purge of deleted groups' records: every tenant's records older than the activity
 * log's retention go, in batches, under the job's lease; younger ones stay. The records are a map
 * here (creation times by tenant); {@code persistence.GroupRepositoriesTest} runs the repository's
 * purge on Derby.
 */
class GroupDeletionPurgeJobTest {
  private static final long NOW = 1_800_000_000_000L;
  private static final long DAY = 86_400_000L;

  final Map<String, List<Long>> byTenant = new LinkedHashMap<>();
  final List<String> leaseCalls = new ArrayList<>();
  boolean leaseFree = true;
  int renewalsBeforeLoss = Integer.MAX_VALUE;
  GroupDeletionPurgeJob job;

  @BeforeEach
  void job() {
    job = new GroupDeletionPurgeJob();
    job.deletions =
        new GroupDeletions() {
          @Override
          public List<String> tenantIds() {
            return List.copyOf(byTenant.keySet());
          }

          @Override
          public int purge(String tenantId, long before, int max) {
            List<Long> times = byTenant.get(tenantId);
            List<Long> gone = times.stream().filter(t -> t < before).limit(max).toList();
            gone.forEach(times::remove);
            return gone.size();
          }
        };
    job.leases =
        new JobLeases() {
          @Override
          public boolean claim(String name, long ttlMillis) {
            leaseCalls.add("claim " + name);
            return leaseFree;
          }

          @Override
          public boolean renew(String name, long ttlMillis) {
            return renewalsBeforeLoss-- > 0;
          }

          @Override
          public void finish(String name, long intervalMillis) {
            leaseCalls.add("finish " + name + " " + intervalMillis);
          }
        };
    job.config =
        new ActivityConfig() {
          @Override
          public int retentionDays() {
            return 14;
          }

          @Override
          public long purgeIntervalMinutes() {
            return 60;
          }
        };
  }

  @Test
  void purgesEveryTenantsRecordsOlderThanTheActivityRetentionAndKeepsTheYoungerOnes() {
    List<Long> many = new ArrayList<>();
    for (int i = 0; i < 2 * GroupDeletionPurgeJob.BATCH + 3; i++) {
      many.add(NOW - 30 * DAY + i);
    }
    many.add(NOW - 13 * DAY);
    byTenant.put("a", many);
    byTenant.put("b", new ArrayList<>(List.of(NOW - 15 * DAY, NOW - DAY)));
    byTenant.put("c", new ArrayList<>());

    assertEquals(2 * GroupDeletionPurgeJob.BATCH + 4, job.purge(NOW));

    assertEquals(List.of(NOW - 13 * DAY), byTenant.get("a"));
    assertEquals(List.of(NOW - DAY), byTenant.get("b"));
    assertEquals(
        List.of("claim group-deletion-retention", "finish group-deletion-retention 3600000"),
        leaseCalls);
    assertEquals(Duration.ofMinutes(60), job.interval());
  }

  @Test
  void aRunDoesNothingWhileAnotherInstanceHoldsTheLease() {
    byTenant.put("a", new ArrayList<>(List.of(NOW - 30 * DAY)));
    leaseFree = false;

    assertEquals(0, job.purge(NOW));

    assertEquals(1, byTenant.get("a").size());
    assertEquals(List.of("claim group-deletion-retention"), leaseCalls);
  }

  @Test
  void aRunThatLosesItsLeaseToAnotherInstanceStops() {
    List<Long> many = new ArrayList<>();
    for (int i = 0; i < 3 * GroupDeletionPurgeJob.BATCH; i++) {
      many.add(NOW - 30 * DAY);
    }
    byTenant.put("a", many);
    renewalsBeforeLoss = 1;

    assertEquals(GroupDeletionPurgeJob.BATCH, job.purge(NOW));

    assertEquals(2 * GroupDeletionPurgeJob.BATCH, byTenant.get("a").size());
    assertTrue(leaseCalls.contains("finish group-deletion-retention 3600000"));
  }
}
