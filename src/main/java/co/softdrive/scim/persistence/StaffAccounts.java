package co.softdrive.scim.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Staff accounts (the deployment's, not a tenant's), in the caller's transaction if any. */
@ApplicationScoped
public class StaffAccounts {
  @PersistenceContext(unitName = "scim")
  EntityManager em;

  /** The account of this user name (managed inside a transaction), if it exists. */
  public Optional<StaffAccountEntity> find(String username) {
    return Optional.ofNullable(em.find(StaffAccountEntity.class, username));
  }

  public void add(StaffAccountEntity account) {
    em.persist(account);
  }

  /** Every account, by user name. */
  public List<StaffAccountEntity> list() {
    return em.createNamedQuery("StaffAccountEntity.list", StaffAccountEntity.class).getResultList();
  }

  public long count() {
    return em.createNamedQuery("StaffAccountEntity.count", Long.class).getSingleResult();
  }
}
