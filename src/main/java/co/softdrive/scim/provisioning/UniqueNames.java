package co.softdrive.scim.provisioning;

import co.softdrive.scim.persistence.NameKey;
import jakarta.persistence.EntityManager;

/**
 * Uniqueness of a user's userName in its tenant (RFC 7644 §3.3: 409 {@code uniqueness}), compared
 * by {@link NameKey}. The unique constraint on the key column is the guarantee; this check answers
 * the usual case before the write. A group's displayName is checked by {@code
 * persistence.Groups.nameTaken}.
 */
final class UniqueNames {
  private UniqueNames() {}

  /**
   * Whether another resource of the tenant holds the key of {@code name}. A name whose key the
   * resource already holds ({@code currentKey}) is not checked again, so that a look-alike
   * duplicate that migration V10 kept stays updatable.
   *
   * @param countByKey a named query counting the tenant's resources with {@code :key}, except the
   *     one with {@code :exceptId}
   */
  static boolean takenByAnother(
      EntityManager em,
      String countByKey,
      String tenantId,
      String id,
      String currentKey,
      String name) {
    String key = NameKey.of(name);
    return !key.equals(currentKey)
        && em.createNamedQuery(countByKey, Long.class)
                .setParameter("tenantId", tenantId)
                .setParameter("key", key)
                .setParameter("exceptId", id)
                .getSingleResult()
            > 0;
  }
}
