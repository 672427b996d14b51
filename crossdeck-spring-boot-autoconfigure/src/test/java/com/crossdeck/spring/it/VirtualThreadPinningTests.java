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
      exerciseTheStarter();
      recording.stop();
      recording.dump(file);
    }
    List<RecordedEvent> events = RecordingFile.readAllEvents(file);
    Files.delete(file);

    assertThat(events)
        .as("requests and @Async work ran on virtual threads")
        .anyMatch(event -> event.getEventType().getName().equals("jdk.VirtualThreadStart"));
    assertThat(events)
        .filteredOn(event -> event.getEventType().getName().equals("jdk.VirtualThreadPinned"))
        .filteredOn(VirtualThreadPinningTests::inCrossdeckCode)
        .as("pinned with a Crossdeck frame on the stack")
        .isEmpty();
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

  private static boolean inCrossdeckCode(RecordedEvent pinned) {
    return pinned.getStackTrace() != null
        && pinned.getStackTrace().getFrames().stream()
            .map(RecordedFrame::getMethod)
            .anyMatch(method -> method.getType().getName().startsWith("com.crossdeck."));
  }
}
