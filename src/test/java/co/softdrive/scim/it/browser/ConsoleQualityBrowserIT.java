package co.softdrive.scim.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.softdrive.scim.it.ItConfig;
import co.softdrive.scim.it.TenantFixture;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The console as a support engineer meets it on a laptop and on a phone: errors said in plain words
 * inside the layout, the token dialog usable at 390 px, nothing shown by Back after Sign out, an
 * expired session that returns to its page, no horizontal overflow at 1280 or 390 px, and no
 * serious or critical accessibility violation (axe-core) on any page. Screenshots of every page at
 * 1280 and 390 px go to target/screenshots.
 */
@ExtendWith(RequiresBrowser.class)
class ConsoleQualityBrowserIT {
  static final int PHONE = 390;

  /** The narrowest common laptop screen. */
  static final int LAPTOP = 1280;

  static TenantFixture t;
  static String userId;
  static String managerId;
  static String groupId;
  static String tombstoneId;
  static String purgedId;
  static String deletedGroupId;
  static TenantFixture longValues;
  static String longUserId;
  static String longGroupId;

  @BeforeAll
  static void aTenantWithAUserAManagerAGroupAndAFailure() {
    t = TenantFixture.create("Quality");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    managerId = t.createUser("grace-" + suffix + "@contoso.com");
    userId =
        t.scim()
            .contentType("application/scim+json; charset=utf-8")
            .body(
                """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "userName":"ada-%s@contoso.com","displayName":"Ada Lovelace","title":"Engineer",
                 "active":true,
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                   {"department":"Research","employeeNumber":"701","manager":{"value":"%s"}}}
                """
                    .formatted(suffix, managerId))
            .post("/Users")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    groupId = t.createGroup("Engineering " + suffix);
    t.scim().get("/Users/" + UUID.randomUUID()).then().statusCode(404);
    // What support looks up after the fact: a tombstone, a purged user, a deleted group.
    tombstoneId = t.createUser("tomb-" + suffix + "@contoso.com");
    t.scim()
        .contentType("application/scim+json")
        .body(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"replace","path":"active","value":false}]}
            """)
        .patch("/Users/" + tombstoneId)
        .then()
        .statusCode(200);
    purgedId = t.createUser("purged-" + suffix + "@contoso.com");
    t.scim().delete("/Users/" + purgedId).then().statusCode(204);
    deletedGroupId = t.createGroup("Retired " + suffix);
    t.scim().delete("/Groups/" + deletedGroupId).then().statusCode(204);
    // What Entra sends has no length a layout can count on: a userName, e-mail, displayName and
    // externalId of 150 characters without a space, in a group with such a name, looked up first.
    String longName = "a-very-long-name-" + "x".repeat(110) + "-" + suffix + "@contoso.example";
    longValues = TenantFixture.create("Quality-long");
    longValues.scim().queryParam("filter", "userName eq \"" + longName + "\"").get("/Users");
    longUserId =
        longValues
            .scim()
            .contentType("application/scim+json; charset=utf-8")
            .body(
                """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"%1$s","displayName":"%1$s","externalId":"%1$s","active":true,
                 "emails":[{"primary":true,"type":"work","value":"%1$s"}]}
                """
                    .formatted(longName))
            .post("/Users")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    longGroupId = longValues.createGroup("A-group-name-without-spaces-" + "y".repeat(100) + suffix);
    longValues
        .scim()
        .contentType("application/scim+json")
        .body(
            """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
             "Operations":[{"op":"add","path":"members","value":[{"value":"%s"}]}]}
            """
                .formatted(longUserId))
        .patch("/Groups/" + longGroupId)
        .then()
        .statusCode(204);
  }

  /** Every console page, by name, with an address that shows it filled. */
  static Map<String, String> pages() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("tenants", "/console/tenants.xhtml");
    p.put("tenant", "/console/tenant.xhtml?id=" + t.tenantId);
    p.put("users", "/console/users.xhtml?tenant=" + t.tenantId);
    p.put("user", "/console/user.xhtml?tenant=" + t.tenantId + "&id=" + userId);
    p.put("groups", "/console/groups.xhtml?tenant=" + t.tenantId);
    p.put("group", "/console/group.xhtml?tenant=" + t.tenantId + "&id=" + groupId);
    p.put("activity", "/console/activity.xhtml?tenant=" + t.tenantId);
    p.put("pending", "/console/pending.xhtml?tenant=" + t.tenantId);
    p.put("staff", "/console/staff.xhtml");
    p.put("tombstone", "/console/user.xhtml?tenant=" + t.tenantId + "&id=" + tombstoneId);
    p.put("purged-user", "/console/purged-user.xhtml?tenant=" + t.tenantId + "&id=" + purgedId);
    p.put(
        "deleted-group",
        "/console/deleted-group.xhtml?tenant=" + t.tenantId + "&id=" + deletedGroupId);
    p.put("deactivations", "/console/deactivations.xhtml?tenant=" + t.tenantId);
    p.put("error-unknown-id", "/console/user.xhtml?tenant=" + t.tenantId + "&id=no-such-user");
    p.put("error-bad-parameter", "/console/users.xhtml?tenant=" + t.tenantId + "&state=SOMETIMES");
    p.put("error-no-page", "/console/no-such-page.xhtml");
    // Long values: checked for what overflows, not for broken words (they have to break).
    String tenant = "?tenant=" + longValues.tenantId;
    p.put("long-users", "/console/users.xhtml" + tenant);
    p.put("long-user", "/console/user.xhtml" + tenant + "&id=" + longUserId);
    p.put("long-groups", "/console/groups.xhtml" + tenant);
    p.put("long-group", "/console/group.xhtml" + tenant + "&id=" + longGroupId);
    p.put("long-activity", "/console/activity.xhtml" + tenant);
    return p;
  }

  @Test
  void errorsAreSaidInPlainWordsInsideTheLayout() throws Exception {
    try (Browser b = new Browser()) {
      b.signIn(ItConfig.adminUser(), ItConfig.adminPassword());
      b.visible(By.id("signed-in-user"));

      b.open("/console/tenant.xhtml?id=" + UUID.randomUUID());
      assertError(b, "No such tenant");

      b.open("/console/user.xhtml?tenant=" + t.tenantId + "&id=no-such-user");
      assertError(b, "No such user");
      assertTrue(b.text().contains("purged"), b.text());

      b.open("/console/users.xhtml?tenant=" + t.tenantId + "&state=SOMETIMES");
      assertError(b, "This address is incomplete or not valid");
      assertTrue(b.text().contains("\u2018state\u2019 is not one this page can use"), b.text());

      b.open("/console/user.xhtml?tenant=" + t.tenantId);
      assertError(b, "This address is incomplete or not valid");
      assertTrue(b.text().contains("lacks the \u2018id\u2019 parameter"), b.text());

      b.open("/console/activity.xhtml");
      assertTrue(b.text().contains("lacks the \u2018tenant\u2019 parameter"), b.text());

      b.open("/console/no-such-page.xhtml");
      assertError(b, "No such page");
    }
  }

  private static void assertError(Browser b, String title) {
    assertEquals(title, b.visible(By.id("error-title")).getText());
    String text = b.text();
    assertFalse(text.contains("j_id"), text);
    assertFalse(text.contains("Validation Error"), text);
    assertFalse(text.contains("Error 404"), text);
    assertTrue(b.visible(By.id("signout:signout-button")).isDisplayed(), "inside the layout");
    assertTrue(b.visible(By.id("error-home")).isDisplayed());
  }

  @Test
  void theTokenDialogIsUsableOnAPhone() throws Exception {
    try (Browser b = new Browser()) {
      b.signIn(ItConfig.adminUser(), ItConfig.adminPassword());
      b.visible(By.id("signed-in-user"));
      b.driver.manage().window().setSize(new Dimension(PHONE, 844));
      b.open("/console/tenant.xhtml?id=" + t.tenantId);
      assertTrue(b.visible(By.id("signout:signout-button")).isDisplayed());
      assertWithinViewport(b, b.driver.findElement(By.id("signout:signout-button")));
      b.type(By.id("generate:account"), "entra-phone");
      b.click(By.id("generate:generate-button"));
      WebElement secret = b.visible(By.id("token-secret"));
      b.ajaxDone();
      b.screenshot("quality-token-dialog-390");
      WebElement dialog = b.driver.findElement(By.id("secret-panel:secret-dialog"));
      assertWithinViewport(b, dialog);
      assertWithinViewport(b, secret);
      assertWithinViewport(b, b.driver.findElement(By.id("tenant-url")));
      for (WebElement copy : b.driver.findElements(By.cssSelector(".copy-button"))) {
        assertWithinViewport(b, copy);
      }
      assertTrue(secret.getAttribute("value").startsWith("sdscim_"));
      assertNoHorizontalOverflow(b, "token dialog");
      // Served over plain HTTP here: the dialog warns that Entra needs HTTPS.
      assertTrue(b.visible(By.id("secret-panel:insecure-url")).getText().contains("not HTTPS"));

      // The copy button copies (or selects) and says so.
      b.driver.findElement(By.cssSelector("[data-copy-from='token-secret']")).click();
      b.wait.until(
          d ->
              d.findElement(By.cssSelector("[data-copy-from='token-secret']"))
                  .getText()
                  .equals("Copied"));

      // Escape closes the dialog, which forgets the secret.
      secret.sendKeys(Keys.ESCAPE);
      b.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("token-secret")));
    }
  }

  @Test
  void aDestructiveConfirmationFocusesCancelAndNothingSelectedMeansNothingToApprove()
      throws Exception {
    try (Browser b = new Browser()) {
      b.signIn(ItConfig.adminUser(), ItConfig.adminPassword());
      b.open("/console/tenant.xhtml?id=" + t.tenantId);
      b.click(By.id("tenant:suspend"));
      b.visible(By.id("confirm-no"));
      b.wait.until(
          d ->
              "confirm-no"
                  .equals(
                      ((JavascriptExecutor) d).executeScript("return document.activeElement.id;")));
      // Enter on the focused button cancels; the tenant stays active.
      b.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
      b.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-no")));
      assertEquals("active", b.driver.findElement(By.id("tenant-status")).getText());
      // Escape closes a confirmation too.
      b.click(By.id("tenant:suspend"));
      b.visible(By.id("confirm-no"));
      b.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
      b.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-no")));
      assertEquals("active", b.driver.findElement(By.id("tenant-status")).getText());

      b.open("/console/pending.xhtml?tenant=" + t.tenantId);
      assertFalse(b.visible(By.id("pending:approve")).isEnabled(), "nothing selected");
      assertFalse(b.driver.findElement(By.id("pending:reject")).isEnabled(), "nothing selected");
    }
  }

  @Test
  void backAfterSignOutShowsNoData() throws Exception {
    try (Browser b = new Browser()) {
      b.signIn(ItConfig.adminUser(), ItConfig.adminPassword());
      b.open("/console/tenant.xhtml?id=" + t.tenantId);
      b.visible(By.id("tenant-name"));
      assertTrue(b.text().contains(t.tenantName));
      b.click(By.id("signout:signout-button"));
      b.waitForText("You are signed out");
      b.driver.navigate().back();
      b.visible(By.id("login:username"));
      assertFalse(b.text().contains(t.tenantName), b.text());
    }
  }

  @Test
  void anActionAfterTheSessionExpiredSignsInAgainAndReturnsToThePage() throws Exception {
    try (Browser b = new Browser()) {
      b.signIn(ItConfig.adminUser(), ItConfig.adminPassword());
      String page = "/console/tenant.xhtml?id=" + t.tenantId;
      b.open(page);
      b.visible(By.id("tenant-name"));
      // The session ends on the server (as after 30 idle minutes): the browser still sends an id
      // the server no longer knows.
      Cookie session = b.driver.manage().getCookieNamed("JSESSIONID");
      b.driver.manage().deleteCookieNamed("JSESSIONID");
      b.driver
          .manage()
          .addCookie(new Cookie("JSESSIONID", "0000expired" + session.getValue().substring(11)));
      b.click(By.id("tenant:save-rate"));
      b.visible(By.id("login:username"));
      assertTrue(b.text().contains("Your session expired"), b.text());
      b.type(By.id("login:username"), ItConfig.adminUser());
      b.type(By.id("login:password"), ItConfig.adminPassword());
      b.click(By.id("login:submit"));
      b.visible(By.id("tenant-name"));
      assertTrue(b.driver.getCurrentUrl().endsWith(page), b.driver.getCurrentUrl());
    }
  }

  @Test
  void everyPageAtLaptopAndPhoneWidthWithoutOverflowOrSeriousAccessibilityViolations()
      throws Exception {
    List<String> problems = new ArrayList<>();
    try (Browser b = new Browser()) {
      b.open("/login.xhtml");
      b.visible(By.id("login:username"));
      scan(b, "sign-in", problems);
      b.signIn(ItConfig.adminUser(), ItConfig.adminPassword());
      b.visible(By.id("signed-in-user"));
      for (Map.Entry<String, String> page : pages().entrySet()) {
        List<String> atLaptop = openAt(b, page.getKey(), page.getValue(), LAPTOP, 1000);
        scan(b, page.getKey(), problems);
        atLaptop.addAll(cutText(b, !page.getKey().startsWith("long-")));
        atLaptop.forEach(p -> problems.add(page.getKey() + " at " + LAPTOP + " px: " + p));
        openAt(b, page.getKey(), page.getValue(), PHONE, 844)
            .forEach(p -> problems.add(page.getKey() + " at " + PHONE + " px: " + p));
        if (!b.driver.findElement(By.id("signout:signout-button")).isDisplayed()) {
          problems.add(page.getKey() + " at 390 px: Sign out not visible");
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  /**
   * Opens {@code path} in a window {@code width} px wide and takes its screenshot; returns what
   * every width is checked for: a page wider than the screen, dates broken over lines.
   */
  private static List<String> openAt(Browser b, String page, String path, int width, int height)
      throws java.io.IOException {
    b.driver.manage().window().setSize(new Dimension(width, height));
    b.open(path);
    b.visible(By.cssSelector("main.content"));
    b.ajaxDone();
    b.screenshot("page-" + page + "-" + width);
    List<String> problems = new ArrayList<>();
    long overflow = overflow(b);
    if (overflow > 0) {
      problems.add(overflow + " px wider than the screen");
    }
    long brokenDates = brokenDates(b);
    if (brokenDates > 0) {
      problems.add(brokenDates + " dates broken over lines");
    }
    return problems;
  }

  /** Serious and critical axe-core violations, named with the elements they concern. */
  private static void scan(Browser b, String page, List<String> problems) {
    Results results = new AxeBuilder().analyze(b.driver);
    for (Rule rule : results.getViolations()) {
      if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
        problems.add(
            page
                + ": "
                + rule.getImpact()
                + " "
                + rule.getId()
                + " ("
                + rule.getHelp()
                + ") on "
                + rule.getNodes().stream()
                    .limit(3)
                    .map(n -> String.valueOf(n.getTarget()))
                    .toList());
      }
    }
  }

  private static long overflow(Browser b) {
    Object width =
        ((JavascriptExecutor) b.driver)
            .executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    return ((Number) width).longValue();
  }

  /**
   * With {@code words}: words of table cells and headers (up to 20 characters: names, dates,
   * titles; ids, paths and filters, set in {@code .mono}, may break) that are wider than their
   * cell, so drawn broken or cut; drop-downs whose chosen option is cut off; tables wider than
   * their panel. The words are measured in their own font; a line may still break after a hyphen.
   */
  @SuppressWarnings("unchecked")
  private static List<String> cutText(Browser b, boolean words) {
    return (List<String>)
        ((JavascriptExecutor) b.driver)
            .executeScript(
                """
                const words = arguments[0];
                const ruler = document.createElement('canvas').getContext('2d');
                const cut = [];
                const cells = words ? document.querySelectorAll('.ui-datatable th, .ui-datatable td') : [];
                for (const cell of cells) {
                  const style = getComputedStyle(cell);
                  const room = cell.clientWidth - parseFloat(style.paddingLeft)
                      - parseFloat(style.paddingRight);
                  const texts = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                  for (let text; (text = texts.nextNode());) {
                    const parent = text.parentElement;
                    if (parent.getClientRects().length === 0) continue;
                    if (parent.closest('.mono') && !parent.closest('.nowrap')) continue;
                    ruler.font = getComputedStyle(parent).font;
                    for (const word of text.textContent.split(/\\s+|(?<=-)/)) {
                      const width = ruler.measureText(word).width;
                      if (word.length > 1 && word.length <= 20 && width > room + 1) {
                        cut.push('"' + word + '" needs ' + Math.round(width) + ' px, its cell has '
                            + Math.round(room));
                      }
                    }
                  }
                }
                for (const chosen of document.querySelectorAll('.ui-selectonemenu-label')) {
                  if (chosen.getClientRects().length > 0
                      && chosen.scrollWidth > chosen.clientWidth + 1) {
                    cut.push('the choice "' + chosen.textContent + '" is cut off');
                  }
                }
                for (const table of document.querySelectorAll('.ui-datatable-tablewrapper')) {
                  if (table.scrollWidth > table.clientWidth + 1) {
                    cut.push('a table is ' + (table.scrollWidth - table.clientWidth)
                        + ' px wider than its panel');
                  }
                }
                return cut;
                """,
                words);
  }

  /**
   * Dates and times ({@code 2026-03-01 10:41:07}, alone in their element) drawn on more than one
   * line.
   */
  private static long brokenDates(Browser b) {
    Object broken =
        ((JavascriptExecutor) b.driver)
            .executeScript(
                """
                const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                const date = /^\\s*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})?\\s*$/;
                let broken = 0;
                for (let text; (text = texts.nextNode());) {
                  if (!date.test(text.textContent)) continue;
                  const range = document.createRange();
                  range.selectNodeContents(text);
                  const lines = new Set(Array.from(range.getClientRects(), r => Math.round(r.top)));
                  if (lines.size > 1) broken++;
                }
                return broken;
                """);
    return ((Number) broken).longValue();
  }

  private static void assertNoHorizontalOverflow(Browser b, String what) {
    assertEquals(0, overflow(b), what + " is wider than the screen");
  }

  private static void assertWithinViewport(Browser b, WebElement e) {
    Object inside =
        ((JavascriptExecutor) b.driver)
            .executeScript(
                "var r = arguments[0].getBoundingClientRect();"
                    + " return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth + 0.5;",
                e);
    assertEquals(Boolean.TRUE, inside, e.getAttribute("id") + " " + e.getRect());
  }
}
