package co.softdrive.scim.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * Leases that let scheduled work run on one instance at a time when several share a database: a
 * job runs only after claiming its row in {@code job_lease}; a crashed instance's lease expires
 * after its time-to-live.
 */
@ApplicationScoped
public class JobLeases {
  /** This instance's identity in leases: host/pid plus a random suffix. */
  public static final String INSTANCE =
      ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

  @PersistenceContext(unitName = "scim")
  EntityManager em;

  /** Claims (or renews) the named lease for {@code ttlMillis}; false when another instance holds it. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean claim(String name, long ttlMillis) {
    long now = System.currentTimeMillis();
    int updated =
        em.createNativeQuery(
                "UPDATE job_lease SET owner = ?1, lease_until = ?2 WHERE name = ?3"
                    + " AND (lease_until < ?4 OR owner = ?1)")
            .setParameter(1, INSTANCE)
            .setParameter(2, now + ttlMillis)
            .setParameter(3, name)
            .setParameter(4, now)
            .executeUpdate();
    if (updated == 1) {
      return true;
    }
    long exists =
        ((Number)
                em.createNativeQuery("SELECT COUNT(*) FROM job_lease WHERE name = ?1")
                    .setParameter(1, name)
                    .getSingleResult())
            .longValue();
    if (exists > 0) {
      return false;
    }
    try {
      em.createNativeQuery("INSERT INTO job_lease (name, owner, lease_until) VALUES (?1, ?2, ?3)")
          .setParameter(1, name)
          .setParameter(2, INSTANCE)
          .setParameter(3, now + ttlMillis)
          .executeUpdate();
      em.flush();
      return true;
    } catch (RuntimeException e) {
      return false; // another instance inserted it first
    }
  }

  /** Gives the lease up early so another instance may run the job at once. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void release(String name) {
    em.createNativeQuery("UPDATE job_lease SET lease_until = 0 WHERE name = ?1 AND owner = ?2")
        .setParameter(1, name)
        .setParameter(2, INSTANCE)
        .executeUpdate();
  }
}
