package co.softdrive.scim.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import co.softdrive.scim.protocol.schema.Schemas;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

/**
 * Index values fit their columns (V1__baseline.sql): a longer value is cut, never refused by SQL.
 */
class UserColumnsTest {

  @Test
  void employeeNumberAndUserTypeAreCutToTheir256CharacterColumns() {
    String longValue = "X".repeat(300);
    UserColumns c =
        UserColumns.of(
            Json.createObjectBuilder()
                .add("userName", "bjensen")
                .add(
                    Schemas.ENTERPRISE_USER,
                    Json.createObjectBuilder().add("employeeNumber", longValue))
                .add(Schemas.SOFTDRIVE_USER, Json.createObjectBuilder().add("userType", longValue))
                .build());
    assertEquals("x".repeat(256), c.employeeNumberCi());
    assertEquals("x".repeat(256), c.userTypeCi());
  }

  @Test
  void otherIndexedValuesAreCutTo512Characters() {
    UserColumns c =
        UserColumns.of(
            Json.createObjectBuilder()
                .add("userName", "b")
                .add("displayName", "Y".repeat(600))
                .build());
    assertEquals("y".repeat(512), c.displayNameCi());
  }
}
