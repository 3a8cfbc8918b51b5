package co.softdrive.scim.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.protocol.filter.FilterParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** userName and group displayName filters compare comparison keys (persistence.NameKey). */
class NameKeyFilterTest {

  private static JpqlFilter users(String filter) {
    return FilterTranslator.translate(ResourceMapping.USERS, FilterParser.parse(filter), "u");
  }

  @Test
  void userNameEqComparesTheKeyOfTheValue() {
    JpqlFilter f = users("userName eq \"CAFE\u0301\"");
    assertEquals("u.userNameKey = :f0", f.where());
    assertEquals("caf\u00e9", f.parameters().get("f0"));
  }

  @Test
  void userNameFragmentsAreNormalizedToo() {
    assertEquals("adm%", users("userName sw \"\uff41DM\"").parameters().get("f0"));
    assertEquals("%fi%", users("userName co \"\ufb01\"").parameters().get("f0"));
    assertEquals("%\u03c3", users("userName ew \"\u03c2\"").parameters().get("f0"));
  }

  @Test
  void groupDisplayNameEqComparesTheKey() {
    JpqlFilter f =
        FilterTranslator.translate(
            ResourceMapping.GROUPS, FilterParser.parse("displayName eq \"\uff21dmins\""), "g");
    assertEquals("g.displayNameKey = :f0", f.where());
    assertEquals("admins", f.parameters().get("f0"));
  }

  @Test
  void otherStringsStayLowerCasedOnly() {
    JpqlFilter f = users("displayName eq \"CAFE\u0301\"");
    assertTrue(f.where().contains("u.displayNameCi = :f0"), f.where());
    assertEquals(List.of("cafe\u0301"), List.copyOf(f.parameters().values()));
  }
}
