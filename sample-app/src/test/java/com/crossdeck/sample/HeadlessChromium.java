package com.crossdeck.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: nothing is downloaded
 * (Selenium Manager is never asked, since both executables are named). Each instance has a fresh
 * profile. Collects what the pages wrote to the console, failed resource loads included, so that a
 * test can prove nothing on a page is broken.
 */
final class HeadlessChromium implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private static final Duration WAIT = Duration.ofSeconds(15);

  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final List<String> consoleErrors = new ArrayList<>();

  private HeadlessChromium(ChromeDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, WAIT);
  }

  /** Whether Debian's {@code chromium} and {@code chromium-driver} are installed. */
  static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** Starts a browser whose profile lives in {@code profile}, a new directory. */
  static HeadlessChromium start(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--window-size=1280,1600",
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(WAIT);
    return new HeadlessChromium(driver);
  }

  /** Opens {@code url} and waits for the document to have loaded. */
  void open(String url) {
    driver.get(url);
    collectConsole(url);
  }

  /** The element once it is visible. */
  WebElement visible(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  /** Clicks the element once it can be clicked. */
  void click(String css) {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
  }

  /** Replaces the text of an input. */
  void type(String css, String text) {
    WebElement input = visible(css);
    input.clear();
    input.sendKeys(text);
  }

  /** The element's text, once it starts with {@code prefix}. */
  String awaitText(String css, String prefix) {
    By element = By.cssSelector(css);
    wait.withMessage(() -> css + " never started with '" + prefix + "': " + textOf(element))
        .until(browser -> textOf(element).startsWith(prefix));
    return textOf(element);
  }

  /** Empties an element the page writes its answers into, so the next answer can be awaited. */
  void clear(String css) {
    driver.executeScript("arguments[0].textContent = ''", visible(css));
  }

  /** Waits until the browser shows a page whose address starts with {@code prefix}. */
  void awaitPage(String prefix) {
    wait.until(ExpectedConditions.urlMatches("^" + Pattern.quote(prefix)));
    wait.until(
        browser ->
            "complete".equals(driver.executeScript("return document.readyState").toString()));
    collectConsole(driver.getCurrentUrl());
  }

  private String textOf(By element) {
    List<WebElement> found = driver.findElements(element);
    return found.isEmpty() ? "" : found.get(0).getText();
  }

  /** The elements matching {@code css}, as they are now. */
  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** The current page's address. */
  String url() {
    return driver.getCurrentUrl();
  }

  /**
   * Every console error and failed resource load of every page so far, each with the page it
   * happened on.
   */
  List<String> consoleErrors() {
    collectConsole(driver.getCurrentUrl());
    return List.copyOf(consoleErrors);
  }

  private void collectConsole(String page) {
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        consoleErrors.add(page + ": " + entry.getMessage());
      }
    }
  }

  /** Saves a screenshot and the page's HTML as {@code directory/name.png} and {@code .html}. */
  void saveScreenshot(Path directory, String name) {
    try {
      Files.createDirectories(directory);
      Files.write(directory.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
      Files.writeString(directory.resolve(name + ".html"), driver.getPageSource());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
