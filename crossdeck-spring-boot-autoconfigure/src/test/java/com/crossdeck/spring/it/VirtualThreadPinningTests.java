package com.crossdeck.spring.it;

import static com.crossdeck.spring.it.StoreApplication.PASSWORD;
import static com.crossdeck.spring.it.StoreApplication.USER;
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
 * With {@code spring.threads.virtual.enabled=true}, none of the starter's paths pins a carrier
 * thread: requests on virtual threads track events, run {@code @TrackEvent} methods and
 * {@code @Async} work, sign in (a background link) and out, and read health and metrics, while JFR
 * records every {@code jdk.VirtualThreadPinned} event, however short.
 *
 * <p>Java 17 is the build's baseline, so this runs only on Java 21 or later, on demand:
 *
 * <pre>
 * JAVA_HOME=/path/to/jdk-25 mvn -B -pl crossdeck-spring-boot-autoconfigure -am test \
 *     -Dtest=VirtualThreadPinningTests -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnabledForJreRange(min = JRE.JAVA_21)
@SpringBootTest(
    classes = StoreApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "crossdeck.boot-heartbeat=false",
      "spring.threads.virtual.enabled=true",
      "management.endpoints.web.exposure.include=health,metrics",
      "management.endpoint.health.show-details=always"
    })
class VirtualThreadPinningTests {

  @Autowired CrossdeckServer crossdeck;

  @LocalServerPort int port;

  @Test
  void noStarterPathPinsACarrierThread() throws Exception {
    Path file = Files.createTempFile("crossdeck-pinning", ".jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
      recording.enable("jdk.VirtualThreadStart");
      recording.start();
      pinOnPurpose();
      exerciseTheStarter();
      recording.stop();
      recording.dump(file);
    }
    List<RecordedEvent> events = RecordingFile.readAllEvents(file);
    Files.delete(file);

    assertThat(events)
        .as("requests and @Async work ran on virtual threads")
        .anyMatch(event -> event.getEventType().getName().equals("jdk.VirtualThreadStart"));
    List<RecordedEvent> pinned =
        events.stream()
            .filter(event -> event.getEventType().getName().equals("jdk.VirtualThreadPinned"))
            .toList();
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

  private void exerciseTheStarter() {
    StoreHttp http = new StoreHttp(port);
    for (int i = 0; i < 20; i++) {
      Browser visitor = new Browser(http).webSdkAnonymousId("anon_vt_" + i);
      visitor.track("pricing_viewed");
      visitor.send(http.request("POST", "/receipts/o_" + i));
      visitor.signIn(USER, PASSWORD);
      visitor.send(http.request("POST", "/orders/o_" + i + "?plan=pro"));
      visitor.send(http.request("GET", "/me"));
      visitor.signOut();
      http.send(signedIn(http.request("POST", "/payments/p_" + i)));
      http.send(http.request("GET", "/actuator/health"));
      http.send(http.request("GET", "/actuator/metrics/crossdeck.events.sent"));
    }
    crossdeck.flush();
  }

  private static HttpRequest.Builder signedIn(HttpRequest.Builder request) {
    return StoreHttp.signedIn(request, USER, PASSWORD);
  }

  private static boolean hasFrameOf(RecordedEvent pinned, String typePrefix) {
    return pinned.getStackTrace() != null
        && pinned.getStackTrace().getFrames().stream()
            .map(RecordedFrame::getMethod)
            .anyMatch(method -> method.getType().getName().startsWith(typePrefix));
  }
}
