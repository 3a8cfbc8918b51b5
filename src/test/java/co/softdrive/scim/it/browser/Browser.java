package co.softdrive.scim.it.browser;

import co.softdrive.scim.it.ItConfig;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's, through /usr/bin/chromedriver; nothing is downloaded) with a
 * fresh profile, plus the console steps the browser tests share: sign in, open, wait, screenshot.
 */
final class Browser implements AutoCloseable {
  final WebDriver driver;
  final WebDriverWait wait;
  private final Path profile;

  Browser() throws IOException {
    profile = Files.createTempDirectory("console-browser-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("it.chrome.binary", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1440,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1440, 1000));
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  void open(String path) {
    driver.get(ItConfig.baseUrl() + path);
  }

  void signIn(String username, String password) {
    open("/login.xhtml");
    type(By.id("login:username"), username);
    type(By.id("login:password"), password);
    WebElement submit = driver.findElement(By.id("login:submit"));
    submit.click();
    // The answer replaces the page (the console, or the form again): wait for it, so the next
    // open() is not overtaken by the sign-in's redirect still arriving.
    wait.until(ExpectedConditions.stalenessOf(submit));
  }

  /** Types into a field; retried if the page is replaced meanwhile (a redirect still arriving). */
  void type(By by, String text) {
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              WebElement e = ExpectedConditions.visibilityOfElementLocated(by).apply(d);
              if (e == null) {
                return false;
              }
              e.clear();
              e.sendKeys(text);
              return true;
            });
  }

  WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void click(By by) {
    wait.until(ExpectedConditions.elementToBeClickable(by)).click();
  }

  /** Picks the item with this label in a PrimeFaces select menu (opens it, clicks the item). */
  void choose(String menuId, String label) {
    click(By.cssSelector("[id='" + menuId + "'] .ui-selectonemenu-trigger"));
    click(By.cssSelector("[id='" + menuId + "_items'] li[data-label='" + label + "']"));
  }

  String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  void waitForText(String text) {
    wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
  }

  /**
   * Waits until a table shows exactly {@code rows} rows containing {@code text}: a search updates
   * the table by ajax after a typing delay, so earlier reads would see the old rows.
   */
  void waitForRows(String tableCss, int rows, String text) {
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d ->
                d.findElements(By.cssSelector(tableCss + " tbody tr")).size() == rows
                    && d.findElement(By.cssSelector(tableCss + " tbody")).getText().contains(text));
    ajaxDone();
  }

  /** Waits until no PrimeFaces ajax request is running. */
  void ajaxDone() {
    wait.until(
        d ->
            Boolean.TRUE.equals(
                ((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript(
                        "return !window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty();")));
  }

  /** Saves a PNG under target/screenshots for review. */
  void screenshot(String name) throws IOException {
    Path dir = Path.of(System.getProperty("it.screenshots.dir", "target/screenshots"));
    Files.createDirectories(dir);
    File png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(png.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
