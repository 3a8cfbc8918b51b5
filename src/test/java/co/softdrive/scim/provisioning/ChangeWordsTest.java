package co.softdrive.scim.provisioning;

import static co.softdrive.scim.protocol.json.JsonFactory.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import co.softdrive.scim.activity.ResourceChange;
import co.softdrive.scim.persistence.AccountState;
import co.softdrive.scim.protocol.schema.Schemas;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeWordsTest {
  private static JsonObject json(String s) {
    return JSON.createReader(new StringReader(s.replace('\'', '"'))).readObject();
  }

  @Test
  void aDeactivationSaysActiveAndTheAccountTransitionButNoValues() {
    JsonObject before = json("{'userName':'ada@contoso.com','active':true,'title':'Engineer'}");
    JsonObject after = json("{'userName':'ada@contoso.com','active':false,'title':'CTO'}");
    ResourceChange c =
        ChangeWords.userUpdate(
            "ada@contoso.com",
            before,
            after,
            true,
            false,
            AccountState.ACTIVE,
            AccountState.DELETED);
    assertEquals("ada@contoso.com", c.resourceName());
    assertEquals(ResourceChange.DEACTIVATED, c.kind());
    assertEquals("active true \u2192 false; title changed; account deleted", c.summary());
    assertFalse(c.summary().contains("CTO"));
    assertFalse(c.summary().contains("Engineer"));
  }

  @Test
  void aHeldDeletionSaysSo() {
    ResourceChange c =
        ChangeWords.userUpdate(
            "u",
            json("{'active':true}"),
            json("{'active':false}"),
            true,
            false,
            AccountState.ACTIVE,
            AccountState.PENDING_DELETION);
    assertEquals(ResourceChange.HELD, c.kind());
    assertEquals("active true \u2192 false; account deleted (held by the guard)", c.summary());
  }

  @Test
  void aRestoreAndAnAttributeChange() {
    ResourceChange restored =
        ChangeWords.userUpdate(
            "u",
            json("{'active':false}"),
            json("{'active':true}"),
            false,
            true,
            AccountState.DELETED,
            AccountState.ACTIVE);
    assertEquals(ResourceChange.RESTORED, restored.kind());
    assertEquals("active false \u2192 true; account restored", restored.summary());
    ResourceChange updated =
        ChangeWords.userUpdate(
            "u",
            json("{'displayName':'A'}"),
            json("{'displayName':'B','nickName':'b'}"),
            true,
            true,
            AccountState.ACTIVE,
            AccountState.ACTIVE);
    assertEquals(ResourceChange.UPDATED, updated.kind());
    assertEquals("displayName, nickName changed", updated.summary());
  }

  @Test
  void nothingChangedIsUnchanged() {
    ResourceChange c =
        ChangeWords.userUpdate(
            "u",
            json("{'a':1}"),
            json("{'a':1}"),
            true,
            true,
            AccountState.ACTIVE,
            AccountState.ACTIVE);
    assertEquals(ResourceChange.UNCHANGED, c.kind());
    assertEquals("no change", c.summary());
  }

  @Test
  void enterpriseAttributesAreNamedByTheirOwnNames() {
    String urn = Schemas.ENTERPRISE_USER;
    JsonObject before = json("{'" + urn + "':{'department':'R&D','manager':{'value':'x'}}}");
    JsonObject after = json("{'" + urn + "':{'department':'Sales','manager':{'value':'x'}}}");
    assertEquals(List.of("department"), ChangeWords.changedAttributes(before, after));
  }

  @Test
  void schemasAndMetaAreNotChanges() {
    assertEquals(
        List.of(),
        ChangeWords.changedAttributes(json("{'schemas':['a']}"), json("{'schemas':['a','b']}")));
  }

  @Test
  void memberCountsInWords() {
    assertEquals("members +3 \u22121", ChangeWords.members(3, 1));
    assertEquals("members +2", ChangeWords.members(2, 0));
    assertEquals("members \u22124", ChangeWords.members(0, 4));
    assertNull(ChangeWords.members(0, 0));
  }

  @Test
  void groupsInWords() {
    assertEquals("created, members +3", ChangeWords.groupCreated("Team", 3).summary());
    assertEquals("created", ChangeWords.groupCreated("Team", 0).summary());
    ResourceChange renamed =
        ChangeWords.groupUpdate(
            "New", json("{'displayName':'Old','members':[]}"), json("{'displayName':'New'}"), 2, 1);
    assertEquals("displayName changed; members +2 \u22121", renamed.summary());
    assertEquals(ResourceChange.UPDATED, renamed.kind());
    assertEquals(
        ResourceChange.UNCHANGED,
        ChangeWords.groupUpdate("G", json("{'a':1}"), json("{'a':1}"), 0, 0).kind());
    ResourceChange deleted = ChangeWords.groupDeleted("Team", 3, 2);
    assertEquals(
        "group deleted (3 members); 2 accounts deactivated (policy cascade)", deleted.summary());
    assertEquals(3, deleted.membersRemoved());
  }

  @Test
  void transitions() {
    assertNull(ChangeWords.transition(AccountState.ACTIVE, AccountState.ACTIVE));
    assertEquals(
        "held deletion cancelled",
        ChangeWords.transition(AccountState.PENDING_DELETION, AccountState.ACTIVE));
  }
}
