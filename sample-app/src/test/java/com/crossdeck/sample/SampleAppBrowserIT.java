package com.crossdeck.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.emulator.CrossdeckEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sample's page and the emulator's timeline pages in a real browser: headless Chromium clicks
 * through the page's scenarios as a person would (the page's own script sends every request), then
 * opens the timeline pages the page links to, and finds the events rendered there, with their
 * properties and the identity each was sent as. No page may log an error to the console, a failed
 * resource load included. On a failure, a screenshot and the HTML of the page go to {@code
 * target/browser-screenshots}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "crossdeck.emulator.port=0",
      "crossdeck.boot-heartbeat=false",
      "sample.renewals.interval=PT1H"
    })
class SampleAppBrowserIT {

  private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
  private static final Pattern USER_ID = Pattern.compile("\"userId\": \"(user_\\w+)\"");

  @Autowired CrossdeckEmulator emulator;
  @Autowired CrossdeckServer crossdeck;

  @LocalServerPort int port;

  HeadlessChromium browser;

  @RegisterExtension
  final TestExecutionExceptionHandler screenshotOnFailure = this::saveScreenshotAndRethrow;

  @BeforeEach
  void startChromium() throws Exception {
    Assumptions.assumeTrue(
        HeadlessChromium.installed(),
        "Skipped: no Chromium at "
            + HeadlessChromium.CHROMIUM
            + " and "
            + HeadlessChromium.CHROMEDRIVER
            + " (apt-get install chromium chromium-driver; .ci/run installs them)");
    browser = HeadlessChromium.start(Files.createTempDirectory("crossdeck-chromium-profile"));
  }

  @AfterEach
  void stopChromium() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void clickingThroughTheScenariosPutsEachEventOnTheRightTimeline() {
    String app = "http://localhost:" + port;
    browser.open(app + "/");
    String visitor = browser.awaitText("#anon-id", "anon_");

    browser.click("#abandon");
    assertThat(browser.awaitText("#abandon-out", "2")).startsWith("202").contains("eventId");

    String username = "browser_" + UUID.randomUUID().toString().substring(0, 8);
    browser.type("#signup input[name=username]", username);
    browser.type("#signup input[name=email]", username + "@example.com");
    browser.type("#signup input[name=password]", "correct horse");
    browser.click("#signup button[type=submit]");
    String signup = browser.awaitText("#signup-out", "2");
    assertThat(signup).startsWith("201").contains("\"linkedAnonymousId\": \"" + visitor + "\"");
    String newUser = group(USER_ID, signup);

    browser.click("#sign-out");
    browser.awaitText("#session-out", "Signed out");
    String nextVisitor = browser.awaitText("#anon-id", "anon_");
    assertThat(nextVisitor).isNotEqualTo(visitor);

    browser.type("#sign-in input[name=username]", "grace");
    browser.type("#sign-in input[name=password]", "hopper");
    browser.click("#sign-in button[type=submit]");
    assertThat(browser.awaitText("#session-out", "Signed in")).contains("user_grace");

    browser.click("a[href='/dashboard']");
    browser.awaitPage(app + "/dashboard");
    assertThat(browser.visible("body").getText()).containsIgnoringCase("starter");
    browser.open(app + "/");

    browser.click("#email-link");
    WebElement signedLink = browser.visible("#email-links a");
    assertThat(signedLink.getText()).isEqualTo("Signed link");
    signedLink.click();
    browser.awaitPage(app + "/");
    browser.awaitText("#anon-id", "anon_");

    browser.click("[data-stripe='customer.subscription.deleted']");
    assertThat(browser.awaitText("#stripe-out", "2")).contains("\"webhookStatus\": 200");
    browser.clear("#stripe-out");
    browser.click("[data-stripe='payment_intent.succeeded']");
    assertThat(browser.awaitText("#stripe-out", "2")).contains("\"webhookStatus\": 200");
    browser.clear("#stripe-out");
    browser.click("#stripe-replay");
    assertThat(browser.awaitText("#stripe-out", "2")).contains("\"webhookStatus\": 200");

    browser.click("#renewals");
    assertThat(browser.awaitText("#admin-out", "2")).startsWith("200").contains("renewal_");
    browser.clear("#admin-out");
    browser.click("#grant button[type=submit]");
    assertThat(browser.awaitText("#admin-out", "2")).startsWith("201");

    // The page links to this browser's customer by its anonymous id, which signing in linked to
    // Grace: the emulator shows her customer under it.
    String ownTimeline = browser.visible("#my-timeline").getAttribute("href");
    assertThat(ownTimeline).isEqualTo(emulator.timelineUrl() + "customers/" + nextVisitor);
    browser.click("#sign-out");
    browser.awaitText("#session-out", "Signed out");
    assertThat(crossdeck.flush().allDelivered()).isTrue();

    browser.open(ownTimeline);
    assertThat(browser.visible("body").getText())
        .contains("developer user_grace", "anonymous " + nextVisitor);
    List<TimelineRow> grace = timeline();
    assertThat(grace)
        .extracting(TimelineRow::event)
        .contains(
            "dashboard_rendered",
            "email_link_clicked",
            "subscription_cancelled",
            "subscription_renewal_processed",
            "admin_grant_applied");
    assertThat(row(grace, "dashboard_rendered"))
        .satisfies(r -> assertThat(r.sentAs()).isEqualTo("developerUserId user_grace"))
        .satisfies(r -> assertThat(r.properties()).contains("\"plan\":\"starter\""));
    assertThat(row(grace, "email_link_clicked").properties())
        .contains("\"campaign\":\"spring_newsletter\"");
    assertThat(row(grace, "admin_grant_applied").properties()).contains("\"actor\":\"user_ada\"");

    browser.open(emulator.timelineUrl() + "customers/" + newUser);
    List<TimelineRow> signedUp = timeline();
    assertThat(signedUp)
        .extracting(TimelineRow::event, TimelineRow::sentAs)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("page_viewed", "anonymousId " + visitor),
            org.assertj.core.groups.Tuple.tuple(
                "server_abandon_detected", "anonymousId " + visitor),
            org.assertj.core.groups.Tuple.tuple("signup_completed", "developerUserId " + newUser));
    assertThat(row(signedUp, "server_abandon_detected").properties())
        .contains("\"cart_value\":129", "\"items\":[\"pro-annual\",\"extra-seat\"]");

    browser.open(emulator.timelineUrl());
    assertThat(browser.visible("body").getText()).contains("user_grace", newUser);

    assertThat(browser.consoleErrors()).as("console errors").isEmpty();
  }

  /** One event as the emulator's customer page renders it. */
  record TimelineRow(String event, String sentAs, String properties) {}

  private List<TimelineRow> timeline() {
    return browser.all("table").stream()
        .filter(table -> table.findElement(By.tagName("thead")).getText().contains("Sent as"))
        .flatMap(table -> table.findElements(By.cssSelector("tbody tr")).stream())
        .map(row -> row.findElements(By.tagName("td")))
        .map(cells -> new TimelineRow(text(cells, 1), text(cells, 2), text(cells, 3)))
        .toList();
  }

  private static String text(List<WebElement> cells, int column) {
    return cells.get(column).getText().strip();
  }

  private static TimelineRow row(List<TimelineRow> rows, String event) {
    return rows.stream()
        .filter(row -> row.event().equals(event))
        .findFirst()
        .orElseThrow(() -> new AssertionError(event + " is not on the page: " + rows));
  }

  private static String group(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
    return matcher.group(1);
  }

  private void saveScreenshotAndRethrow(ExtensionContext context, Throwable failure)
      throws Throwable {
    if (browser != null) {
      browser.saveScreenshot(SCREENSHOTS, context.getRequiredTestMethod().getName());
      failure.addSuppressed(
          new AssertionError(
              "Screenshot of " + browser.url() + " in " + SCREENSHOTS.toAbsolutePath()));
    }
    throw failure;
  }
}
