package co.softdrive.scim.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.persistence.UserValues;
import co.softdrive.scim.protocol.error.ScimBadRequest;
import co.softdrive.scim.protocol.filter.FilterParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filters on attributes without a column: scim_user_value, memberships, joins and constants. */
class FilterTranslationTest {
  private static final String ENT = UserValues.ENTERPRISE;

  private static JpqlFilter users(String filter) {
    return FilterTranslator.translate(ResourceMapping.USERS, FilterParser.parse(filter), "r");
  }

  private static JpqlFilter groups(String filter) {
    return FilterTranslator.translate(ResourceMapping.GROUPS, FilterParser.parse(filter), "r");
  }

  private static String message(Runnable r) {
    return assertThrows(ScimBadRequest.class, r::run).getMessage();
  }

  @Test
  void multiValuedEqIsTheFirstMatchingValueRowJoined() {
    JpqlFilter f = users("phoneNumbers.value eq \"+1 555 0100\"");
    assertEquals(", UserValueEntity s0", f.from());
    assertEquals(
        "(s0.tenantId = r.tenantId AND s0.userId = r.id AND s0.attr = 'phonenumbers' AND s0.sub"
            + " = 'value' AND s0.value = :f0 AND NOT EXISTS (SELECT s1 FROM UserValueEntity s1"
            + " WHERE s1.tenantId = s0.tenantId AND s1.userId = s0.userId AND s1.attr = s0.attr"
            + " AND s1.pos < s0.pos AND s1.sub = 'value' AND s1.value = :f1))",
        f.where());
    assertEquals("+1 555 0100", f.parameters().get("f0"));
    assertEquals("+1 555 0100", f.parameters().get("f1"));
    // Without a sub-attribute, a multi-valued attribute compares its value.
    assertEquals(f.where(), users("PHONENUMBERS eq \"+1 555 0100\"").where());
    // A single value has one row per user: joined without the first-element test.
    JpqlFilter t = users("title eq \"Boss\" and userName sw \"a\"");
    assertEquals(", UserValueEntity s0", t.from());
    assertTrue(
        t.where().startsWith("((s0.tenantId = r.tenantId AND s0.userId = r.id AND"), t.where());
    assertFalse(t.where().contains("EXISTS"), t.where());
  }

  @Test
  void multiValuedValueUnderOrIsAnExistsOnTheValueRowsOfThatAttribute() {
    JpqlFilter f = users("phoneNumbers.value eq \"+1 555 0100\" or title sw \"x\"");
    assertEquals("", f.from());
    assertTrue(
        f.where()
            .startsWith(
                "(EXISTS (SELECT s0 FROM UserValueEntity s0 WHERE s0.tenantId = r.tenantId AND"
                    + " s0.userId = r.id AND s0.attr = 'phonenumbers' AND s0.sub = 'value' AND"
                    + " s0.value = :f0 AND s0.tenantId = :tenantId) OR EXISTS"),
        f.where());
    // Only eq is joined: other operators keep the EXISTS and its paging in creation order.
    assertEquals("", users("phoneNumbers.value sw \"+1\"").from());
    assertEquals("", users("title ne \"x\"").from());
  }

  @Test
  void caseFollowsCaseExact() {
    assertEquals("abc", users("roles.value eq \"ABC\"").parameters().get("f0"));
    assertEquals("ABC", users("x509Certificates.value eq \"ABC\"").parameters().get("f0"));
    assertEquals("%bc%", users("title co \"BC\"").parameters().get("f0"));
  }

  @Test
  void longValuesCompareByTheirStoredForm() {
    String cert = "M".repeat(2000);
    Object p = users("x509Certificates eq \"" + cert + "\"").parameters().get("f0");
    assertEquals(UserValues.stored(cert), p);
    assertTrue(((String) p).length() <= UserValues.MAX_VALUE);
  }

  @Test
  void enterpriseStringsQualifiedOrNot() {
    String q = users(ENT + ":department eq \"Sales\"").where();
    assertTrue(q.contains("s0.attr = 'enterprise:department' AND s0.sub = ''"), q);
    assertEquals(q, users("department eq \"Sales\"").where());
    assertTrue(users("costCenter pr").where().contains("'enterprise:costcenter'"));
  }

  @Test
  void neOnASingleValueMatchesUsersWithoutIt() {
    String q = users("title ne \"boss\"").where();
    assertTrue(
        q.startsWith("NOT EXISTS (") && q.endsWith("s0.value = :f0 AND s0.tenantId = :tenantId)"),
        q);
  }

  @Test
  void presenceOfAComplexSingleValueAsksEachPart() {
    String q = users("name pr").where();
    assertTrue(q.contains("r.givenNameCi IS NOT NULL"), q);
    assertTrue(q.contains("s0.attr = 'name' AND s0.sub = 'formatted'"), q);
  }

  @Test
  void bracketsRangeOverOneElement() {
    JpqlFilter j = users("addresses[type eq \"work\" and locality eq \"Paris\"]");
    // At the top of the filter, the element's rows joined: the value first (found by the value
    // index), the type on the same element (by primary key), and no earlier element matching.
    assertEquals(", UserValueEntity s0, UserValueEntity s1", j.from());
    assertEquals(
        "(s0.tenantId = r.tenantId AND s0.userId = r.id AND s0.attr = 'addresses' AND s0.sub ="
            + " 'locality' AND s0.value = :f0 AND s1.tenantId = s0.tenantId AND s1.userId ="
            + " s0.userId AND s1.attr = s0.attr AND s1.pos = s0.pos AND s1.sub = 'type' AND"
            + " CONCAT(s1.value, '') = :f1 AND NOT EXISTS (SELECT s2 FROM UserValueEntity s2, UserValueEntity"
            + " s3 WHERE s2.tenantId = s0.tenantId AND s2.userId = s0.userId AND s2.attr ="
            + " s0.attr AND s2.pos < s0.pos AND s2.sub = 'locality' AND s2.value = :f2 AND"
            + " s3.tenantId = s2.tenantId AND s3.userId = s2.userId AND s3.attr = s2.attr AND"
            + " s3.pos = s2.pos AND s3.sub = 'type' AND CONCAT(s3.value, '') = :f3))",
        j.where());
    assertEquals("paris", j.parameters().get("f0"));
    assertEquals("work", j.parameters().get("f1"));
    // Under or: an EXISTS over the element's rows.
    String q = users("addresses[type eq \"work\" and locality eq \"Paris\"] or title pr").where();
    assertTrue(
        q.startsWith(
            "(EXISTS (SELECT s0 FROM UserValueEntity s0 WHERE s0.tenantId = r.tenantId AND"
                + " s0.userId = r.id AND s0.attr = 'addresses' AND s0.sub = 'locality' AND"
                + " s0.value = :f0 AND EXISTS (SELECT s1 FROM UserValueEntity s1 WHERE"
                + " s1.tenantId = s0.tenantId AND s1.userId = s0.userId AND s1.attr = s0.attr AND"
                + " s1.pos = s0.pos AND s1.sub = 'type' AND CONCAT(s1.value, '') = :f1) AND"
                + " s0.tenantId ="
                + " :tenantId) OR"),
        q);
    // Without an eq on a value (or with a negation) the bracket stays an EXISTS.
    assertEquals("", users("addresses[type eq \"work\" and locality sw \"P\"]").from());
    assertEquals("", users("addresses[locality eq \"x\" and not (type eq \"w\")]").from());
    String n = users("addresses[locality co \"x\" and not (type eq \"work\")]").where();
    assertTrue(n.contains("AND (NOT EXISTS (SELECT s1 FROM UserValueEntity s1 WHERE"), n);
    String p = users("phoneNumbers[primary eq true]").where();
    assertTrue(p.contains("s0.sub = 'primary' AND s0.value = :f0"), p);
    assertEquals("true", users("phoneNumbers[primary eq true]").parameters().get("f0"));
    assertTrue(users("ims[not (type eq \"aim\")]").where().contains("(NOT EXISTS"));
  }

  @Test
  void groupsOfAUserThroughMemberships() {
    // an eq on its own: the membership row joined (one per user and group)
    JpqlFilter g = users("groups.value eq \"g1\"");
    assertEquals(", GroupMemberEntity s0", g.from());
    assertEquals("(s0.tenantId = r.tenantId AND s0.userId = r.id AND s0.groupId = :f0)", g.where());
    assertEquals(
        "(EXISTS (SELECT s0 FROM GroupMemberEntity s0 WHERE s0.tenantId = r.tenantId AND"
            + " s0.userId = r.id AND s0.groupId = :f0 AND s0.tenantId = :tenantId) OR (NOT"
            + " r.active = :f1))",
        users("groups.value eq \"g1\" or not (active eq true)").where());
    // several addresses may be equal: the first matching one is joined
    JpqlFilter e = users("emails eq \"A@x.org\"");
    assertEquals(", UserEmailEntity s0", e.from());
    assertTrue(
        e.where()
            .contains(
                "AND NOT EXISTS (SELECT s1 FROM UserEmailEntity s1 WHERE"
                    + " s1.tenantId = r.tenantId AND s1.userId = r.id AND s1.pos < s0.pos AND"),
        e.where());
    // groups.display eq: the named group by its index, then the memberships, once per user
    JpqlFilter d = users("groups.display eq \"\uff21dmins\"");
    assertEquals(", GroupEntity s0, GroupMemberEntity s1", d.from());
    assertEquals(
        "(s0.tenantId = r.tenantId AND s0.displayNameKey = :f0 AND s1.tenantId = r.tenantId AND"
            + " s1.userId = r.id AND s1.groupId = s0.id AND NOT EXISTS (SELECT s2 FROM"
            + " GroupMemberEntity s2, GroupEntity s3 WHERE s2.tenantId = r.tenantId AND s2.userId"
            + " = r.id AND s3.id = s2.groupId AND s3.displayNameKey = :f1 AND s3.id < s0.id))",
        d.where());
    assertEquals("admins", d.parameters().get("f0"));
    // other operators, and under or: an EXISTS asking the group's row
    String o = users("groups.display sw \"adm\"").where();
    assertEquals(
        "EXISTS (SELECT s0 FROM GroupMemberEntity s0 WHERE s0.tenantId = r.tenantId AND"
            + " s0.userId = r.id AND s0.groupId IN (SELECT s1.id FROM GroupEntity s1 WHERE"
            + " s1.displayNameKey LIKE :f0 ESCAPE '\\' AND s1.tenantId = :tenantId) AND"
            + " s0.tenantId = :tenantId)",
        o);
    assertTrue(users("groups[type eq \"direct\"]").where().contains("s0.tenantId IS NOT NULL"));
  }

  @Test
  void membersOfAGroupAndTheirDisplayName() {
    String q = groups("members.display co \"ada\"").where();
    assertTrue(q.contains("s0.userId IN (SELECT s1.id FROM UserEntity s1 WHERE"), q);
    assertTrue(q.contains("s1.displayNameCi LIKE :f0"), q);
    assertTrue(groups("members.type eq \"user\"").where().contains("s0.tenantId IS NOT NULL"));
    JpqlFilter eq = groups("members.display eq \"Ada\"");
    assertEquals(", UserEntity s0, GroupMemberEntity s1", eq.from());
    assertTrue(
        eq.where()
            .startsWith(
                "(s0.tenantId = r.tenantId AND (s0.displayNameCi IS NOT NULL AND s0.displayNameCi"
                    + " = :f0) AND s1.tenantId = r.tenantId AND s1.groupId = r.id AND s1.userId ="
                    + " s0.id AND NOT EXISTS (SELECT s2 FROM GroupMemberEntity s2, UserEntity s3"),
        eq.where());
  }

  @Test
  void managerDisplayNameThroughTheManagersRow() {
    String q = users(ENT + ":manager.displayName eq \"Grace\"").where();
    assertTrue(q.startsWith("EXISTS (SELECT s0 FROM UserEntity s0 WHERE"), q);
    assertTrue(q.contains("s0.id = r.managerId"), q);
    assertTrue(users("manager.value pr").where().startsWith("(r.managerId IS NOT NULL"));
  }

  @Test
  void resourceTypeIsDecidedWhenTranslated() {
    assertEquals("r.tenantId IS NOT NULL", users("meta.resourceType eq \"User\"").where());
    assertEquals("r.tenantId IS NULL", users("meta.resourceType eq \"Group\"").where());
    assertEquals("r.tenantId IS NULL", users("meta.resourceType eq \"user\"").where());
    assertEquals("r.tenantId IS NOT NULL", groups("meta.resourceType eq \"Group\"").where());
  }

  @Test
  void emailsDisplay() {
    String q = users("emails[display co \"work\"]").where();
    assertTrue(q.contains("s0.displayCi IS NOT NULL AND s0.displayCi LIKE :f0"), q);
  }

  @Test
  void coreUserTypeIsNotSoftdrivesUserType() {
    assertTrue(users("userType eq \"x\"").where().contains("'usertype'"));
    assertTrue(
        users("urn:ietf:params:scim:schemas:extension:softdrive:2.0:User:userType eq \"x\"")
            .where()
            .contains("r.userTypeCi"));
  }

  @Test
  void errorsSpellAttributesAsTheSchemasDo() {
    assertTrue(
        message(() -> users("PASSWORD eq \"x\"")).contains("'password' cannot be used"),
        "password");
    assertTrue(message(() -> users("nosuch eq \"x\"")).contains("'nosuch'"));
    String m = message(() -> users("phonenumbers[nosuch eq \"x\"]"));
    assertTrue(m.contains("'phoneNumbers.nosuch'"), m);
    m = message(() -> users("emails[nosuch eq \"x\"]"));
    assertTrue(m.contains("'emails.nosuch'"), m);
    m = message(() -> users("displayname gt true"));
    assertTrue(m.contains("'displayName'"), m);
    m = message(() -> users("name eq \"x\""));
    assertTrue(m.contains("'name'") && m.contains("name.formatted"), m);
    m = message(() -> users("phonenumbers.primary co \"t\""));
    assertTrue(m.contains("'phoneNumbers.primary' is a boolean"), m);
  }

  @Test
  void everyValueAttributeIsInTheUserSchemas() {
    for (UserValues.Attribute a : UserValues.ATTRIBUTES) {
      String path = (a.schema() == null ? "" : a.schema() + ":") + a.name();
      List<String> subs = a.subAttributes().isEmpty() ? List.of("") : a.subAttributes();
      for (String sub : subs) {
        String full = sub.isEmpty() ? path : path + "." + sub;
        assertTrue(users(full + " pr").where().contains("'" + a.code() + "'"), full);
      }
    }
  }
}
