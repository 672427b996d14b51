package com.crossdeck.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application as it runs in production: {@code java -jar} in a process of its own, its
 * output copied to a log file. Started with {@link #launch}; {@link #close()} kills it if it is
 * still running.
 */
final class PackagedJar implements AutoCloseable {

  static final Path JAR = Path.of("target", "sample-app.jar");
  private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

  private final Process process;
  private final Thread logCopier;
  private final Path log;
  private final int port;

  private PackagedJar(Process process, Thread logCopier, Path log, int port) {
    this.process = process;
    this.logCopier = logCopier;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts the jar and returns once it serves HTTP.
   *
   * @param log where its output goes
   * @param arguments the application's arguments ({@code --name=value})
   */
  static PackagedJar launch(Path log, String... arguments) throws Exception {
    assertThat(JAR).as("built by `mvn package`").exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-jar");
    command.add(JAR.toString());
    command.add("--server.port=0");
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread logCopier = new Thread(() -> copyLog(process, log, port), "sample-app-log");
    logCopier.setDaemon(true);
    logCopier.start();
    try {
      return new PackagedJar(process, logCopier, log, port.get(90, TimeUnit.SECONDS));
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  SampleHttp http() {
    return new SampleHttp(port);
  }

  /**
   * Sends SIGTERM, as {@code docker stop} or Kubernetes does, and waits for the exit. Through the
   * handle: {@link Process#destroy()} would also close the pipe the shutdown log is read from.
   */
  void stop() throws InterruptedException {
    assertThat(process.toHandle().destroy()).isTrue();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
    logCopier.join(TimeUnit.SECONDS.toMillis(10));
  }

  /** Sends SIGKILL ({@code kill -9}): no shutdown hook, no drain, nothing runs. */
  void kill() throws InterruptedException {
    assertThat(process.toHandle().destroyForcibly()).isTrue();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
    logCopier.join(TimeUnit.SECONDS.toMillis(10));
  }

  /** What the application wrote, up to now. */
  String log() throws IOException {
    return Files.readString(log);
  }

  /** A meter's value, read from the application's actuator as an admin. */
  long metric(String name) {
    SampleHttp http = http();
    HttpResponse<String> response =
        http.send(SampleHttp.as("ada", "lovelace", http.get("/actuator/metrics/" + name)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonPath.<Double>read(response.body(), "$.measurements[0].value").longValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Copies the output to {@code log}, completing {@code port} when Tomcat has started. */
  private static void copyLog(Process process, Path log, CompletableFuture<Integer> port) {
    try (BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        out.println(line);
        out.flush();
        Matcher started = STARTED.matcher(line);
        if (started.find()) {
          port.complete(Integer.parseInt(started.group(1)));
        }
      }
      port.completeExceptionally(new IllegalStateException("the app exited; see " + log));
    } catch (IOException e) {
      port.completeExceptionally(new UncheckedIOException(e));
    }
  }
}
