package co.softdrive.scim.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import co.softdrive.scim.persistence.NameKey;
import co.softdrive.scim.protocol.filter.FilterParser;
import co.softdrive.scim.protocol.path.AttrPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which lists take the one-statement userName lookup instead of the general filter query. */
class UserNameLookupTest {
  private static ListParams first(String filter) {
    return new ListParams(FilterParser.parse(filter), null, false, 1, 100);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "userName eq \"Alice@Example.com\"",
        "USERNAME eq \"Alice@Example.com\"",
        "urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"Alice@Example.com\""
      })
  void takesTheLookupForUserNameEqualsAlone(String filter) {
    assertEquals(NameKey.of("Alice@Example.com"), ResourceQueries.userNameLookup(first(filter)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "userName sw \"alice\"",
        "userName ne \"alice\"",
        "userName eq 42",
        "userName eq \"alice\" and active eq true",
        "userName eq \"alice\" or userName eq \"bob\"",
        "not (userName eq \"alice\")",
        "emails[value eq \"alice\"]",
        "name.givenName eq \"alice\"",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:userName eq \"alice\"",
        "displayName eq \"alice\""
      })
  void leavesEveryOtherFilterToTheGeneralQuery(String filter) {
    assertNull(ResourceQueries.userNameLookup(first(filter)));
  }

  @org.junit.jupiter.api.Test
  void leavesOtherPagesSortsAndCountsToTheGeneralQuery() {
    var f = FilterParser.parse("userName eq \"alice\"");
    assertNull(ResourceQueries.userNameLookup(new ListParams(f, null, false, 2, 100)));
    assertNull(ResourceQueries.userNameLookup(new ListParams(f, null, false, 1, 0)));
    assertNull(
        ResourceQueries.userNameLookup(new ListParams(f, AttrPath.of("userName"), false, 1, 100)));
    assertNull(ResourceQueries.userNameLookup(new ListParams(null, null, false, 1, 100)));
  }
}
