package com.crossdeck.client;

import com.crossdeck.client.outbox.OutboxOptions;
import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.RecordedRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/**
 * What outbox tests share: clients on an outbox table, closed after each test with the pools they
 * use, and the event ids of the requests the emulator received.
 */
abstract class OutboxTestSupport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();

  /** Registers something to close after the test, before what was registered earlier. */
  <T extends AutoCloseable> T closeAfter(T resource) {
    resources.push(resource);
    return resource;
  }

  @AfterEach
  void closeResources() throws Exception {
    while (!resources.isEmpty()) {
      AutoCloseable resource = resources.pop();
      if (resource instanceof CrossdeckServer client) {
        client.close(Duration.ZERO);
      } else {
        resource.close();
      }
    }
  }

  /** A client delivering to {@code baseUrl} through an outbox in {@code table}. */
  CrossdeckServer client(
      String baseUrl,
      DataSource dataSource,
      String table,
      UnaryOperator<OutboxOptions.Builder> outbox,
      UnaryOperator<CrossdeckServerBuilder> options) {
    return closeAfter(
        options
            .apply(
                CrossdeckServer.builder(CrossdeckEmulator.TEST_SECRET_KEY)
                    .baseUrl(baseUrl)
                    .bootHeartbeat(false)
                    .flushOnExit(false)
                    .outbox(outbox.apply(OutboxOptions.builder(dataSource).table(table)).build()))
            .build());
  }

  CrossdeckServer client(String baseUrl, DataSource dataSource, String table) {
    return client(baseUrl, dataSource, table, outbox -> outbox, options -> options);
  }

  static Event event(int n) {
    return Event.builder("order_paid").developerUserId("user_" + (n % 7)).property("n", n).build();
  }

  /** The event ids of every event in the event batches the emulator answered with a 2xx. */
  static List<String> eventIdsAccepted(List<RecordedRequest> requests) {
    List<String> ids = new ArrayList<>();
    for (RecordedRequest request : requests) {
      if (request.path().equals("/v1/events") && request.status() / 100 == 2) {
        for (JsonNode event : body(request).get("events")) {
          ids.add(event.get("eventId").asText());
        }
      }
    }
    return ids;
  }

  static JsonNode body(RecordedRequest request) {
    try {
      return JSON.readTree(request.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<RecordedRequest> eventRequests(List<RecordedRequest> requests) {
    return requests.stream().filter(request -> request.path().equals("/v1/events")).toList();
  }
}
