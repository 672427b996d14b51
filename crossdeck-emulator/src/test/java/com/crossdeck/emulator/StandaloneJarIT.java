package com.crossdeck.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the attached {@code standalone} jar the way the README says, {@code java -jar
 * crossdeck-emulator-<version>-standalone.jar}, and sends it the README's curl examples.
 */
class StandaloneJarIT {

  private static final Pattern BASE_URL = Pattern.compile("API base URL\\s+(http://\\S+)/v1");

  private Process process;
  private ApiClient client;

  @BeforeEach
  void startTheJar() throws IOException {
    Path jar = Path.of(System.getProperty("crossdeck.emulator.standaloneJar"));
    assertThat(jar).exists();
    process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--port",
                "0")
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.append(line).append('\n');
      Matcher matcher = BASE_URL.matcher(line);
      if (matcher.find()) {
        client = new ApiClient(matcher.group(1) + "/");
        break;
      }
    }
    assertThat(client).as("the banner, got:%n%s", seen).isNotNull();
    Thread drain = new Thread(() -> out.lines().forEach(line -> {}), "standalone-jar-output");
    drain.setDaemon(true);
    drain.start();
  }

  @AfterEach
  void stopTheJar() throws InterruptedException {
    process.destroy();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
  }

  @Test
  void answersTheReadmeExamples() throws IOException {
    String pageViews = Files.readString(Path.of("src/test/resources/readme/page-views.json"));
    Reply first = client.postEvents(pageViews, "Idempotency-Key", "batch_readme_1");
    Reply replay = client.postEvents(pageViews, "Idempotency-Key", "batch_readme_1");
    Reply alias =
        client.alias(
            "{\"userId\":\"user_readme\",\"anonymousId\":\"anon_readme\",\"email\":\"ada@example.com\"}");
    Reply checkout =
        client.postEvents(
            "{\"events\":[{\"name\":\"checkout.completed\",\"developerUserId\":\"user_readme\","
                + "\"properties\":{\"amount\":49}}]}");

    assertThat(first.status()).isEqualTo(202);
    assertThat(first.json().path("received").intValue()).isEqualTo(2);
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(alias.json().path("object").asText()).isEqualTo("alias_result");
    assertThat(checkout.status()).isEqualTo(202);
    assertThat(client.get("/v1/customers/user_readme/timeline").json().path("data"))
        .extracting(event -> event.path("name").asText())
        .containsExactly("page_view", "add_to_cart", "checkout.completed");
    assertThat(
            client
                .get("/v1/sdk/heartbeat", "Authorization", "Bearer " + ApiClient.KEY)
                .json()
                .path("ok")
                .booleanValue())
        .isTrue();
  }

  @Test
  void grantsReadsAndErasesAsTheReadmeShows() {
    client.alias("{\"userId\":\"user_readme\",\"anonymousId\":\"anon_readme\"}");
    String customerId = client.get("/v1/customers/user_readme").json().path("id").asText();

    Reply grant =
        client.postWithKey(
            "/v1/server/customers/" + customerId + "/grant",
            "{\"entitlementKey\":\"pro\",\"duration\":\"P30D\",\"reason\":\"Support recovery\"}",
            "Content-Type",
            "application/json");
    Reply read =
        client.get(
            "/v1/entitlements?userId=user_readme", "Authorization", "Bearer " + ApiClient.KEY);
    Reply forgot =
        client.postWithKey(
            "/v1/identity/forget",
            "{\"userId\":\"user_readme\"}",
            "Content-Type",
            "application/json");

    assertThat(grant.json().path("entitlement").path("isActive").booleanValue()).isTrue();
    assertThat(read.json().path("data").get(0).path("key").asText()).isEqualTo("pro");
    assertThat(forgot.json().path("crossdeckCustomerId").asText()).isEqualTo(customerId);
    assertThat(client.get("/v1/customers/user_readme").status()).isEqualTo(404);
  }

  @Test
  void takesFaultsAndResetsOverHttp() {
    Reply armed =
        client.post(
            "/_emulator/faults",
            "{\"failNext\":{\"count\":1,\"status\":503,\"retryAfterMs\":2000}}",
            "Content-Type",
            "application/json");
    Reply failed =
        client.postEvents("{\"events\":[{\"name\":\"x\",\"developerUserId\":\"user_1\"}]}");
    Reply reset =
        client.send(
            client
                .request("/_emulator/reset", "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));

    assertThat(armed.json().path("failNextRemaining").intValue()).isEqualTo(1);
    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.header("Retry-After")).isEqualTo("2");
    assertThat(reset.json().path("ok").booleanValue()).isTrue();
  }
}
