package com.crossdeck.sample.orders;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/orders} places an order; {@code GET /api/orders} counts them. Only with the
 * {@code outbox} profile, which gives the application its database (an H2 file).
 */
@RestController
@Profile("outbox")
class OrderController {

  private final Orders orders;

  OrderController(Orders orders) {
    this.orders = orders;
  }

  /**
   * An order as the client sends it.
   *
   * @param sku what to order
   * @param amount the order's total, in dollars
   */
  record OrderRequest(String sku, BigDecimal amount) {}

  @PostMapping("/api/orders")
  ResponseEntity<Map<String, Object>> place(@RequestBody OrderRequest request) {
    if (request.sku() == null || request.sku().isBlank() || request.amount() == null) {
      return ResponseEntity.badRequest().body(Map.of("error", "sku and amount are required"));
    }
    Orders.Order order = orders.place(request.sku(), request.amount());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("orderId", order.id()));
  }

  @GetMapping("/api/orders")
  Map<String, Object> count() {
    return Map.of("count", orders.count());
  }
}
