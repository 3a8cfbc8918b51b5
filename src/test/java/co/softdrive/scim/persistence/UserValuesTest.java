package co.softdrive.scim.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rows of scim_user_value a User gives, and migration V12's fill of the users stored. */
class UserValuesTest {
  private static final String USER =
      """
      {"userName":"ada","title":"Chief Engineer","nickName":"",
       "name":{"givenName":"Ada","middleName":"King"},
       "phoneNumbers":[{"value":"+1 555","type":"Work","primary":true},{"value":"+2","type":"fax"}],
       "x509Certificates":[{"value":"QUJDRA=="}],
       "addresses":[{"locality":"Paris","type":"work"}],
       "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"Department":"R&D"}}
      """;

  private static JsonObject json(String s) {
    return Json.createReader(new StringReader(s)).readObject();
  }

  @Test
  void rowsPerElementAndSubAttributeLowerCasedUnlessCaseExact() {
    assertEquals(
        List.of(
            new UserValues.Row("title", 0, "", "chief engineer"),
            new UserValues.Row("name", 0, "middlename", "king"),
            new UserValues.Row("phonenumbers", 0, "value", "+1 555"),
            new UserValues.Row("phonenumbers", 0, "type", "work"),
            new UserValues.Row("phonenumbers", 0, "primary", "true"),
            new UserValues.Row("phonenumbers", 1, "value", "+2"),
            new UserValues.Row("phonenumbers", 1, "type", "fax"),
            new UserValues.Row("x509certificates", 0, "value", "QUJDRA=="),
            new UserValues.Row("addresses", 0, "locality", "paris"),
            new UserValues.Row("addresses", 0, "type", "work"),
            new UserValues.Row("enterprise:department", 0, "", "r&d")),
        UserValues.of(json(USER)));
    assertEquals(List.of(), UserValues.of(json("{\"userName\":\"x\"}")));
  }

  @Test
  void longValuesKeepAPrefixAndTheirHash() {
    String s = UserValues.stored("a".repeat(600));
    assertEquals(UserValues.LONG_PREFIX + 1 + 64, s.length());
    assertTrue(s.length() <= UserValues.MAX_VALUE);
    assertEquals(s, UserValues.stored("a".repeat(600)));
    assertTrue(!s.equals(UserValues.stored("a".repeat(601))));
  }

  @Test
  void migrationFillsTheValuesOfTheUsersAlreadyStored() throws Exception {
    try (MemoryDatabase db = MemoryDatabase.migratedTo(10)) {
      db.addTenant("t");
      try (Connection c = db.dataSource().getConnection();
          PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO scim_user (id, tenant_id, user_name, user_name_ci, user_name_key,"
                      + " active, account_state, account_state_at, attributes, created_at,"
                      + " last_modified, version) VALUES (?, 't', ?, ?, ?, TRUE, 'ACTIVE', 0, ?,"
                      + " 0, 0, 1)")) {
        // More users than one page of the fill, most without values.
        for (int i = 0; i < UserValueFill.PAGE + 20; i++) {
          p.setString(1, String.format("u%04d", i));
          p.setString(2, "user" + i);
          p.setString(3, "user" + i);
          p.setString(4, "user" + i);
          p.setString(5, i % 250 == 0 ? USER : i == 7 ? "not json" : "{\"userName\":\"x\"}");
          p.executeUpdate();
        }
      }
      Migrations.migrate(db.dataSource());
      List<String> rows = new ArrayList<>();
      try (Connection c = db.dataSource().getConnection();
          ResultSet rs =
              c.createStatement()
                  .executeQuery(
                      "SELECT user_id, COUNT(*) FROM scim_user_value WHERE tenant_id = 't'"
                          + " GROUP BY user_id ORDER BY user_id")) {
        while (rs.next()) {
          rows.add(rs.getString(1) + "=" + rs.getInt(2));
        }
      }
      assertEquals(List.of("u0000=11", "u0250=11", "u0500=11"), rows);
    }
  }
}
