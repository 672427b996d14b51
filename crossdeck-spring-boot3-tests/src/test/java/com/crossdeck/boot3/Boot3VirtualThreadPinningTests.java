package com.crossdeck.boot3;

import static com.crossdeck.boot3.Boot3Shop.PASSWORD;
import static com.crossdeck.boot3.Boot3Shop.USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.CrossdeckServer;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On Spring Boot 3.5 with {@code spring.threads.virtual.enabled=true}, no starter path pins a
 * carrier thread, as JFR's {@code jdk.VirtualThreadPinned} events show. Runs on Java 21 or later
 * only, on demand (the build's baseline is Java 17):
 *
 * <pre>
 * JAVA_HOME=/path/to/jdk-25 mvn -B -pl crossdeck-spring-boot3-tests -am verify \
 *     -Dtest=Boot3VirtualThreadPinningTests -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnabledForJreRange(min = JRE.JAVA_21)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"spring.threads.virtual.enabled=true", "crossdeck.boot-heartbeat=false"})
class Boot3VirtualThreadPinningTests {

  private static final String PINNED = "jdk.VirtualThreadPinned";

  @Autowired CrossdeckServer crossdeck;

  @LocalServerPort int port;

  @Test
  void noStarterPathPinsACarrierThread() throws Exception {
    Path file = Files.createTempFile("crossdeck-pinning", ".jfr");
    try (Recording recording = new Recording()) {
      recording.enable(PINNED).withThreshold(Duration.ZERO).withStackTrace();
      recording.enable("jdk.VirtualThreadStart");
      recording.start();
      pinOnPurpose();
      exerciseTheStarter();
      recording.stop();
      recording.dump(file);
    }
    List<RecordedEvent> events = RecordingFile.readAllEvents(file);
    Files.delete(file);
    List<RecordedEvent> pinned =
        events.stream().filter(event -> event.getEventType().getName().equals(PINNED)).toList();
    // Run on demand, so say what was seen: the numbers go into the starter's README.
    System.out.printf(
        "Virtual threads started: %d; pinned events: %d (the control included)%n",
        events.stream()
            .filter(event -> event.getEventType().getName().equals("jdk.VirtualThreadStart"))
            .count(),
        pinned.size());

    assertThat(pinned)
        .as("the recording sees pinning when it happens")
        .anyMatch(event -> hasFrameOf(event, PinsWhileInitializing.class.getName()));
    assertThat(pinned)
        .filteredOn(event -> !hasFrameOf(event, PinsWhileInitializing.class.getName()))
        .filteredOn(event -> hasFrameOf(event, "com.crossdeck."))
        .as("pinned with a Crossdeck frame on the stack")
        .isEmpty();
  }

  private void exerciseTheStarter() {
    ShopHttp http = new ShopHttp(port);
    for (int i = 0; i < 20; i++) {
      http.send(http.post("/events/pricing_viewed").header("X-Anon-Id", "anon_vt35_" + i));
      http.send(
          http.post("/login")
              .header("X-Anon-Id", "anon_vt35_" + i)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "username=" + USER + "&password=" + PASSWORD)));
      http.send(ShopHttp.signedIn(http.post("/orders/o_" + i + "?plan=pro"), USER, PASSWORD));
      http.send(http.get("/actuator/health"));
      http.send(http.get("/actuator/metrics/crossdeck.events.sent"));
    }
    crossdeck.flush();
  }

  /**
   * A virtual thread that blocks while initializing a class pins its carrier on every JDK: the
   * control that shows the recording would catch pinning.
   */
  private static void pinOnPurpose() throws Exception {
    Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
    Thread thread =
        (Thread)
            Class.forName("java.lang.Thread$Builder")
                .getMethod("start", Runnable.class)
                .invoke(builder, (Runnable) PinsWhileInitializing::touch);
    thread.join();
  }

  private static boolean hasFrameOf(RecordedEvent pinned, String typePrefix) {
    return pinned.getStackTrace() != null
        && pinned.getStackTrace().getFrames().stream()
            .map(RecordedFrame::getMethod)
            .anyMatch(method -> method.getType().getName().startsWith(typePrefix));
  }

  /** Blocks in its static initializer. */
  static final class PinsWhileInitializing {

    static {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    static void touch() {}
  }
}
