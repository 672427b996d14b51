package com.crossdeck.sample.cart;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Event;
import com.crossdeck.client.TrackResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/abandon-cart}: the server noticed a visitor left a full cart, and puts {@code
 * server_abandon_detected} on the visitor's anonymous timeline.
 *
 * <p>There is no identity code here. The browser sends the anonymous id the web SDK minted (the
 * {@code X-Anon-Id} header, or the SDK's {@code crossdeck:anon_id} cookie); the starter reads and
 * validates it for every request, and the client uses it for events that name no identity. When the
 * visitor signs up later and their anonymous id is linked to their user id, this event moves to the
 * user's timeline with everything else they did anonymously.
 *
 * <p>A request with no valid anonymous id (and no signed-in user) cannot be attributed: the client
 * rejects the event as {@code missing_identity}, and this endpoint answers 400 with that code.
 */
@RestController
class AbandonCartController {

  private final CrossdeckServer crossdeck;

  AbandonCartController(CrossdeckServer crossdeck) {
    this.crossdeck = crossdeck;
  }

  /**
   * The abandoned cart.
   *
   * @param cartValue the cart's total, in dollars
   * @param items the SKUs in the cart
   */
  record Cart(BigDecimal cartValue, List<String> items) {}

  @PostMapping("/api/abandon-cart")
  ResponseEntity<Map<String, Object>> abandon(@RequestBody Cart cart) {
    TrackResult result =
        crossdeck.track(
            Event.builder("server_abandon_detected")
                .property("cart_value", cart.cartValue())
                .property("items", cart.items() == null ? List.of() : cart.items())
                .build());
    if (result.rejected()) {
      return ResponseEntity.badRequest()
          .body(Map.of("error", result.errorCode(), "message", result.message()));
    }
    return ResponseEntity.accepted().body(Map.of("eventId", result.eventId()));
  }
}
