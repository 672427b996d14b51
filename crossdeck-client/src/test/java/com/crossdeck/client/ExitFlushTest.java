package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class ExitFlushTest {

  @Test
  void aProcessThatReceivesSigtermDeliversEveryTrackedEvent() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new ScriptedDispatcher());
      server.start(0);
      Process process =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  testClassPath(),
                  ExitFlushProgram.class.getName(),
                  server.url("/v1").toString())
              .redirectErrorStream(true)
              .start();
      try (BufferedReader output =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        List<String> childOutput = new ArrayList<>();
        String line;
        while ((line = output.readLine()) != null && !line.startsWith("TRACKED")) {
          childOutput.add(line);
        }
        assertThat(line).as("child output: %s", childOutput).isEqualTo("TRACKED 50");
        assertThat(server.getRequestCount()).as("nothing sent before the signal").isZero();

        process.destroy();

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      } finally {
        process.destroyForcibly();
      }

      List<String> delivered = new ArrayList<>();
      for (RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
          request != null;
          request = server.takeRequest(200, TimeUnit.MILLISECONDS)) {
        delivered.addAll(RecordedBatch.of(request).eventNames());
      }
      assertThat(delivered).hasSize(50).startsWith("exit_0").endsWith("exit_49");
      assertThat(process.exitValue()).as("terminated by SIGTERM").isEqualTo(143);
    }
  }

  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire
        : System.getProperty("java.class.path");
  }
}
