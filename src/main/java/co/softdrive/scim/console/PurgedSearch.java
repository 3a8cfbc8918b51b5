package co.softdrive.scim.console;

import co.softdrive.scim.audit.AuditEntry;
import co.softdrive.scim.audit.AuditTrail;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The users page's second answer: purged users whose userName starts with the search text, from the
 * audit trail (their SCIM record is gone, their history is not).
 */
@Named
@RequestScoped
public class PurgedSearch {
  static final int LIMIT = 20;

  @Inject AuditTrail audit;

  private final Map<String, List<AuditEntry>> cache = new HashMap<>();

  public List<AuditEntry> matches(String tenantId, String search) {
    if (tenantId == null || search == null || search.isBlank()) {
      return List.of();
    }
    return cache.computeIfAbsent(
        tenantId + "\n" + search, k -> audit.purgedByName(tenantId, search, LIMIT));
  }
}
