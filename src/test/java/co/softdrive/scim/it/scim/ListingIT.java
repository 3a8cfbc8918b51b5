package co.softdrive.scim.it.scim;

import static co.softdrive.scim.it.scim.Scim.LIST;
import static co.softdrive.scim.it.scim.Scim.SCIM_JSON_UTF8;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.TenantFixture;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Listing (RFC 7644 §3.4.2; R15 and T36 in docs/entra.md): paging with {@code startIndex}/{@code
 * count} and their clamping, exact {@code totalResults}, {@code sortBy}/{@code sortOrder}, {@code
 * attributes}/{@code excludedAttributes}, and {@code POST .search} on /Users and /Groups. The
 * tenant holds exactly {@link #USERS} users and {@link #GROUPS} groups.
 */
class ListingIT {
  static final int USERS = 205;
  static final int GROUPS = 12;
  static TenantFixture t;
  static List<String> userIds;

  @BeforeAll
  static void tenantWithKnownContent() {
    t = TenantFixture.create("scim-listing");
    userIds = Scim.createUsers(t, "list", USERS);
    for (int i = 0; i < GROUPS; i++) {
      t.createGroup(String.format("group-%02d", i));
    }
  }

  private static Map<String, Object> page(String resource, Object... params) {
    var request = t.scim();
    for (int i = 0; i < params.length; i += 2) {
      request.queryParam((String) params[i], params[i + 1]);
    }
    return request
        .get(resource)
        .then()
        .statusCode(200)
        .body("schemas", equalTo(List.of(LIST)))
        .extract()
        .path("$");
  }

  @Test
  void pagesOfFiveStartWhereAskedWithConstantTotalAndNoOverlap() {
    // T36
    Set<String> seen = new HashSet<>();
    for (int start : new int[] {1, 6, 11}) {
      t.scim()
          .queryParam("startIndex", start)
          .queryParam("count", 5)
          .get("/Users")
          .then()
          .statusCode(200)
          .body("startIndex", equalTo(start))
          .body("totalResults", equalTo(USERS))
          .body("itemsPerPage", equalTo(5))
          .body("Resources", hasSize(5))
          .extract()
          .<List<String>>path("Resources.id")
          .forEach(id -> assertTrue(seen.add(id), "page overlap " + id));
    }
    assertEquals(15, seen.size());
    // Paging through everything visits every user exactly once.
    Set<String> all = new HashSet<>();
    for (int start = 1; start <= USERS; start += 50) {
      List<String> ids =
          t.scim()
              .queryParam("startIndex", start)
              .queryParam("count", 50)
              .get("/Users")
              .then()
              .statusCode(200)
              .extract()
              .path("Resources.id");
      all.addAll(ids);
    }
    assertEquals(new HashSet<>(userIds), all);
  }

  @Test
  void groupsPageTheSameWay() {
    t.scim()
        .queryParam("startIndex", 11)
        .queryParam("count", 5)
        .queryParam("excludedAttributes", "members")
        .get("/Groups")
        .then()
        .statusCode(200)
        .body("startIndex", equalTo(11))
        .body("totalResults", equalTo(GROUPS))
        .body("itemsPerPage", equalTo(GROUPS - 10))
        .body("Resources", hasSize(GROUPS - 10));
  }

  @Test
  void countIsClampedToTheMaximumAndDefaultsToOneHundred() {
    t.scim()
        .queryParam("count", 1000)
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(USERS))
        .body("itemsPerPage", equalTo(200))
        .body("Resources", hasSize(200));
    t.scim()
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(USERS))
        .body("itemsPerPage", equalTo(100))
        .body("Resources", hasSize(100));
  }

  @Test
  void countZeroAndNegativeCountReturnOnlyTheTotal() {
    for (int count : new int[] {0, -3}) {
      t.scim()
          .queryParam("count", count)
          .get("/Users")
          .then()
          .statusCode(200)
          .body("totalResults", equalTo(USERS))
          .body("itemsPerPage", equalTo(0))
          .body("Resources", hasSize(0));
    }
  }

  @Test
  void startIndexBelowOneMeansOneAndBeyondTheEndIsAnEmptyPage() {
    for (int start : new int[] {0, -5}) {
      t.scim()
          .queryParam("startIndex", start)
          .queryParam("count", 3)
          .get("/Users")
          .then()
          .statusCode(200)
          .body("startIndex", equalTo(1))
          .body("Resources", hasSize(3));
    }
    t.scim()
        .queryParam("startIndex", USERS + 10)
        .queryParam("count", 5)
        .get("/Users")
        .then()
        .statusCode(200)
        .body("startIndex", equalTo(USERS + 10))
        .body("totalResults", equalTo(USERS))
        .body("itemsPerPage", equalTo(0))
        .body("Resources", hasSize(0));
    t.scim()
        .queryParam("startIndex", USERS)
        .queryParam("count", 5)
        .get("/Users")
        .then()
        .statusCode(200)
        .body("Resources", hasSize(1));
  }

  @Test
  void nonNumericPagingIs400InvalidValue() {
    t.scim()
        .queryParam("count", "many")
        .get("/Users")
        .then()
        .statusCode(400)
        .body("status", equalTo("400"))
        .body("scimType", equalTo("invalidValue"));
  }

  @Test
  void totalResultsCountsTheFilterNotThePage() {
    t.scim()
        .queryParam("filter", "userName sw \"list-0000\"")
        .queryParam("count", 3)
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(10))
        .body("Resources", hasSize(3));
    t.scim()
        .queryParam("filter", "userName sw \"list-0001\" or userName eq \"list-00200@example.com\"")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(11));
  }

  /**
   * An {@code or} across two tables (a value and the enterprise extension's department; a
   * membership) is answered from one query per branch, merged: each user once, the total exact,
   * pages in the list's order without overlap, {@code sortBy} and descending honoured.
   */
  @Test
  void orAcrossTablesPagesSortsAndCountsEachUserOnce() {
    TenantFixture o = TenantFixture.create("scim-or-branches");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String title = i < 8 ? ",\"title\":\"pilot\"" : "";
      String department =
          i >= 4
              ? ",\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":"
                  + "{\"department\":\"Ops\"}"
              : "";
      ids.add(
          o.scim()
              .contentType(SCIM_JSON_UTF8)
              .body(
                  "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                      + "\"userName\":\"or-%02d@example.com\"".formatted(i)
                      + title
                      + department
                      + "}")
              .post("/Users")
              .then()
              .statusCode(201)
              .extract()
              .path("id"));
    }
    String filter = "title eq \"Pilot\" or department eq \"ops\"";
    List<String> paged = new ArrayList<>();
    for (int start : new int[] {1, 6, 11}) {
      Map<String, Object> page = orPage(o, filter, start, 5, null, null);
      assertEquals(12, page.get("totalResults"));
      paged.addAll(ids(page));
    }
    assertEquals(ids, paged, "every user once, in creation order");
    Map<String, Object> sorted = orPage(o, filter, 3, 4, "userName", "descending");
    assertEquals(12, sorted.get("totalResults"));
    assertEquals(List.of(ids.get(9), ids.get(8), ids.get(7), ids.get(6)), ids(sorted));
    Map<String, Object> none = orPage(o, filter, 1, 0, null, null);
    assertEquals(12, none.get("totalResults"));
    assertEquals(List.of(), ids(none));
    String crew =
        o.scim()
            .contentType(SCIM_JSON_UTF8)
            .body(
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                    + "\"displayName\":\"or-crew\",\"members\":"
                    + Scim.memberValues(List.of(ids.get(11), ids.get(0)))
                    + "}")
            .post("/Groups")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Map<String, Object> members =
        orPage(o, "groups.value eq \"" + crew + "\" or title eq \"nobody\"", 2, 5, null, null);
    assertEquals(2, members.get("totalResults"));
    assertEquals(List.of(ids.get(11)), ids(members));
    Map<String, Object> unindexed =
        orPage(o, "title eq \"pilot\" or active eq false", 1, 50, null, null);
    assertEquals(ids.subList(0, 8), ids(unindexed));
  }

  private static Map<String, Object> orPage(
      TenantFixture o, String filter, int start, int count, String sortBy, String sortOrder) {
    var request =
        o.scim()
            .queryParam("filter", filter)
            .queryParam("startIndex", start)
            .queryParam("count", count);
    if (sortBy != null) {
      request.queryParam("sortBy", sortBy).queryParam("sortOrder", sortOrder);
    }
    return request.get("/Users").then().statusCode(200).extract().path("$");
  }

  @SuppressWarnings("unchecked")
  private static List<String> ids(Map<String, Object> page) {
    List<Map<String, Object>> resources =
        (List<Map<String, Object>>) page.getOrDefault("Resources", List.of());
    return resources.stream().map(r -> (String) r.get("id")).toList();
  }

  @Test
  void sortByUserNameAscendingAndDescending() {
    List<String> asc =
        t.scim()
            .queryParam("sortBy", "userName")
            .queryParam("count", 200)
            .get("/Users")
            .then()
            .statusCode(200)
            .extract()
            .path("Resources.userName");
    List<String> sorted = new ArrayList<>(asc);
    sorted.sort(Comparator.naturalOrder());
    assertEquals(sorted, asc);
    assertEquals("list-00000@example.com", asc.get(0));
    List<String> desc =
        t.scim()
            .queryParam("sortBy", "userName")
            .queryParam("sortOrder", "descending")
            .queryParam("count", 5)
            .get("/Users")
            .then()
            .statusCode(200)
            .extract()
            .path("Resources.userName");
    assertEquals(
        List.of(
            "list-00204@example.com",
            "list-00203@example.com",
            "list-00202@example.com",
            "list-00201@example.com",
            "list-00200@example.com"),
        desc);
    List<String> groups =
        t.scim()
            .queryParam("sortBy", "displayName")
            .queryParam("sortOrder", "descending")
            .queryParam("count", 2)
            .get("/Groups")
            .then()
            .statusCode(200)
            .extract()
            .path("Resources.displayName");
    assertEquals(List.of("group-11", "group-10"), groups);
  }

  @Test
  void invalidSortOrderIs400() {
    t.scim()
        .queryParam("sortBy", "userName")
        .queryParam("sortOrder", "sideways")
        .get("/Users")
        .then()
        .statusCode(400)
        .body("status", equalTo("400"))
        .body("schemas", hasItem(Scim.ERROR));
  }

  @Test
  void attributesAndExcludedAttributesShapeListAndSingleResponses() {
    t.scim()
        .queryParam("attributes", "userName")
        .queryParam("count", 2)
        .get("/Users")
        .then()
        .statusCode(200)
        .body("Resources[0]", hasKey("id"))
        .body("Resources[0]", hasKey("userName"))
        .body("Resources[0]", hasKey("schemas"))
        .body("Resources[0]", not(hasKey("active")))
        .body("Resources[0]", not(hasKey("meta")));
    t.scim()
        .queryParam("excludedAttributes", "active,meta")
        .get("/Users/" + userIds.get(0))
        .then()
        .statusCode(200)
        .body("id", equalTo(userIds.get(0)))
        .body("$", hasKey("userName"))
        .body("$", not(hasKey("active")))
        .body("$", not(hasKey("meta")));
    // id and schemas are always returned, even when excluded.
    t.scim()
        .queryParam("excludedAttributes", "id,schemas,userName")
        .get("/Users/" + userIds.get(0))
        .then()
        .statusCode(200)
        .body("$", hasKey("id"))
        .body("$", hasKey("schemas"))
        .body("$", not(hasKey("userName")));
  }

  @Test
  void searchByPostOnUsersHonoursFilterPagingAndAttributes() {
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body(
            """
            {"schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
             "filter": "userName sw \\"list-0001\\"", "startIndex": 3, "count": 4,
             "sortBy": "userName", "attributes": ["userName"]}
            """)
        .post("/Users/.search")
        .then()
        .statusCode(200)
        .body("schemas", equalTo(List.of(LIST)))
        .body("totalResults", equalTo(10))
        .body("startIndex", equalTo(3))
        .body("itemsPerPage", equalTo(4))
        .body(
            "Resources.userName",
            equalTo(
                List.of(
                    "list-00012@example.com",
                    "list-00013@example.com",
                    "list-00014@example.com",
                    "list-00015@example.com")))
        .body("Resources[0]", not(hasKey("active")));
  }

  @Test
  void searchByPostOnGroupsHonoursFilterAndExcludedAttributes() {
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body(
            """
            {"schemas": ["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],
             "filter": "displayName eq \\"group-07\\"", "excludedAttributes": ["members"]}
            """)
        .post("/Groups/.search")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(1))
        .body("Resources[0].displayName", equalTo("group-07"))
        .body("Resources[0]", not(hasKey("members")));
    t.scim()
        .contentType(SCIM_JSON_UTF8)
        .body("{\"filter\": \"favoriteColor eq \\\"x\\\"\"}")
        .post("/Users/.search")
        .then()
        .statusCode(400)
        .body("scimType", equalTo("invalidFilter"));
  }

  @Test
  void filterOnMetaAndPresenceWorks() {
    t.scim()
        .queryParam("filter", "meta.created gt \"2000-01-01T00:00:00Z\" and userName pr")
        .queryParam("count", 0)
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(USERS));
    t.scim()
        .queryParam("filter", "not (userName ew \"@example.com\")")
        .get("/Users")
        .then()
        .statusCode(200)
        .body("totalResults", equalTo(0));
  }
}
