package co.softdrive.scim.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class UserProvisioningPasswordTest {

  @Test
  void passwordIsDroppedWhateverItsCaseAndEverythingElseIsKept() {
    JsonObject in =
        Json.createObjectBuilder().add("userName", "a").add("Password", "secret").build();
    JsonObject out = UserRecords.withoutPassword(in);
    assertFalse(out.containsKey("Password"));
    assertEquals("a", out.getString("userName"));
  }

  @Test
  void attributesWithoutPasswordAreReturnedAsTheyAre() {
    JsonObject in = Json.createObjectBuilder().add("userName", "a").build();
    assertSame(in, UserRecords.withoutPassword(in));
  }
}
