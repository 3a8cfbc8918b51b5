package co.softdrive.scim.it.reliability;

import co.softdrive.scim.it.ItConfig;
import co.softdrive.scim.it.SecretScan;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored member count of each group (shown in the console) against its membership rows, read
 * with JDBC while the server runs: on PostgreSQL only, as embedded Derby admits one JVM at a time.
 */
final class MemberCounts {
  private MemberCounts() {}

  static boolean checkable() {
    return ItConfig.dbKind().equals("postgres");
  }

  /** Groups of the tenant whose member_count differs from their rows, as "id: stored != rows". */
  static List<String> mismatches(String tenantId) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = SecretScan.connect();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT g.id, g.member_count, (SELECT COUNT(*) FROM group_member m"
                    + " WHERE m.tenant_id = g.tenant_id AND m.group_id = g.id)"
                    + " FROM scim_group g WHERE g.tenant_id = ?")) {
      ps.setString(1, tenantId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getLong(2) != rs.getLong(3)) {
            out.add(rs.getString(1) + ": " + rs.getLong(2) + " != " + rs.getLong(3));
          }
        }
      }
    }
    return out;
  }
}
