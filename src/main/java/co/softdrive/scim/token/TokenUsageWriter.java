package co.softdrive.scim.token;

import co.softdrive.scim.persistence.TenantId;
import co.softdrive.scim.persistence.Tokens;
import co.softdrive.scim.transaction.QuietClientErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Writes a token's last-used time in its own transaction, off the request thread. */
@ApplicationScoped
@QuietClientErrors
public class TokenUsageWriter {
  private static final Logger LOG = Logger.getLogger(TokenUsageWriter.class.getName());

  @Inject Tokens tokens;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void touch(TenantId tenant, String tokenId, long now) {
    try {
      tokens.touch(tenant, tokenId, now);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not record last use of token " + tokenId, e);
    }
  }
}
