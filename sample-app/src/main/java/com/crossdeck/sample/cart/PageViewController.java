package com.crossdeck.sample.cart;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Event;
import com.crossdeck.client.TrackResult;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/page-viewed}: the demo page reports its own view, standing in for the web SDK's
 * {@code page_viewed}, so a visitor has anonymous history before signing up. Attributed like {@link
 * AbandonCartController}: by the request's anonymous id, with no identity code.
 */
@RestController
class PageViewController {

  private final CrossdeckServer crossdeck;

  PageViewController(CrossdeckServer crossdeck) {
    this.crossdeck = crossdeck;
  }

  /**
   * The page viewed.
   *
   * @param path its path, such as {@code /pricing}
   */
  record PageView(String path) {}

  @PostMapping("/api/page-viewed")
  ResponseEntity<Map<String, Object>> viewed(@RequestBody PageView view) {
    TrackResult result =
        crossdeck.track(Event.builder("page_viewed").property("path", view.path()).build());
    if (result.rejected()) {
      return ResponseEntity.badRequest().body(Map.of("error", result.errorCode()));
    }
    return ResponseEntity.accepted().body(Map.of("eventId", result.eventId()));
  }
}
