package com.crossdeck.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crossdeck.quickstart.FreshApp.BootLine;
import com.crossdeck.quickstart.QuickStart.Command;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The README's quick start, followed by the letter in a new application: the dependency snippet,
 * the YAML, the Java snippets and the test-source launcher go into start.spring.io's project for
 * each Spring Boot line; {@code mvn spring-boot:test-run} runs it with {@code CROSSDECK_SECRET_KEY}
 * unset; the README's {@code curl} commands must answer what the README shows, its log lines must
 * appear, and the event must land on the embedded emulator's timeline.
 *
 * <p>The application is built by its own Maven, outside this build's classpath, from a local
 * repository of its own into which this build installed its artifacts (never the shared one).
 */
class QuickStartIT {

  /** The first run of a line copies or downloads that line's dependencies and plugins. */
  private static final Duration STARTUP = Duration.ofMinutes(5);

  private static final Duration DELIVERY = Duration.ofSeconds(20);
  private static final Duration COMMAND = Duration.ofSeconds(30);

  private static final Pattern EMULATOR_WARNING =
      Pattern.compile(
          "crossdeck\\.secret-key is \\$\\{CROSSDECK_SECRET_KEY}, a placeholder nothing resolved"
              + ".*: Crossdeck events go to an embedded emulator at (http://127\\.0\\.0\\.1:\\d+)/v1");
  private static final Pattern APPLICATION_PORT = Pattern.compile("Tomcat started on port (\\d+)");

  /** The visitor of the README's {@code curl}. */
  private static final String VISITOR = "anon_quickstart";

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest(name = "Spring Boot {0}")
  @EnumSource(BootLine.class)
  @Timeout(value = 8, unit = TimeUnit.MINUTES)
  void runsAsTheReadmeSaysAgainstTheEmbeddedEmulator(BootLine line) throws Exception {
    QuickStart readme = QuickStart.read(QuickStartEnvironment.path("quickstart.readme"));
    assertThat(readme.dependencies())
        .contains(
            "<version>" + QuickStartEnvironment.required("quickstart.crossdeck-version") + "<");
    Path directory = QuickStartEnvironment.path("quickstart.directory").resolve(line.name());
    FreshApp app =
        FreshApp.create(
            directory.resolve("demo"),
            line,
            readme,
            QuickStartEnvironment.path("quickstart.repository"),
            QuickStartEnvironment.path("quickstart.host-repository"));
    List<String> testRun =
        app.mvn(
            QuickStartEnvironment.path("quickstart.maven-home"),
            "spring-boot:test-run",
            // Every server of a test binds a free port on 127.0.0.1; the README's commands say
            // 8080.
            "-Dspring-boot.run.arguments=--server.port=0 --server.address=127.0.0.1");

    try (RunningApp running =
        RunningApp.start(testRun, app.directory(), directory.resolve("test-run.log"))) {
      String emulator = running.awaitMatch(EMULATOR_WARNING, STARTUP);
      String application = "localhost:" + running.awaitMatch(APPLICATION_PORT, STARTUP);

      runAll(readme.run("checkout"), application);
      running.awaitOutput(
          readme.logLines().get(0).with(piece -> piece.replace("127.0.0.1:PORT", host(emulator))),
          DELIVERY);
      JsonNode event = timeline(emulator, VISITOR).get(0);
      assertThat(event.path("name").asText()).isEqualTo("checkout_completed");
      assertThat(event.path("properties").path("plan").asText()).isEqualTo("pro");
      assertThat(event.path("source").path("field").asText()).isEqualTo("anonymousId");
      assertThat(event.path("source").path("value").asText()).isEqualTo(VISITOR);

      runAll(readme.run("watch"), application);

      runAll(readme.run("without-identity"), application);
      running.awaitOutput(readme.logLines().get(1), DELIVERY);
      assertThat(timeline(emulator, VISITOR)).hasSize(1);
    }
  }

  /** Runs each command as the README shows it, but against the application's real port. */
  private static void runAll(List<Command> commands, String application)
      throws IOException, InterruptedException {
    for (Command command : commands) {
      String line = command.line().replace("localhost:8080", application);
      Process shell = new ProcessBuilder("bash", "-c", line).redirectErrorStream(true).start();
      assertThat(shell.waitFor(COMMAND.toSeconds(), TimeUnit.SECONDS)).as(line).isTrue();
      String output = new String(shell.getInputStream().readAllBytes());
      assertThat(shell.exitValue())
          .as("exit status of %s, which printed %s", line, output)
          .isZero();
      assertThat(command.output().isIn(output))
          .as("%s printed%n%s%nwhere the README shows%n%s", line, output, command.output())
          .isTrue();
    }
  }

  /** The customer's events on the emulator, waiting for the first to arrive. */
  private JsonNode timeline(String emulator, String customer) {
    URI uri = URI.create(emulator + "/v1/customers/" + customer + "/timeline");
    return await("events of " + customer)
        .atMost(DELIVERY)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              HttpResponse<String> response =
                  http.send(
                      HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
              return response.statusCode() == 200
                  ? json.readTree(response.body()).path("data")
                  : null;
            },
            data -> data != null && !data.isEmpty());
  }

  private static String host(String url) {
    return URI.create(url).getAuthority();
  }
}
