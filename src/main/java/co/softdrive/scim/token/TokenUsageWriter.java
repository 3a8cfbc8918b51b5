package co.softdrive.scim.token;

import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Writes a token's last-used time in its own transaction, off the request thread. */
@ApplicationScoped
@QuietClientErrors
public class TokenUsageWriter {
  private static final Logger LOG = Logger.getLogger(TokenUsageWriter.class.getName());

  @PersistenceContext(unitName = "scim")
  EntityManager em;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void touch(String tokenId, long now) {
    try {
      em.createNamedQuery("TokenEntity.touch")
          .setParameter("now", now)
          .setParameter("id", tokenId)
          .executeUpdate();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not record last use of token " + tokenId, e);
    }
  }
}
