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

  // The orders table's limits (orders/schema.sql): sku VARCHAR(64), amount DECIMAL(12, 2).
  private static final int MAX_SKU_LENGTH = 64;
  private static final BigDecimal AMOUNT_CEILING = new BigDecimal("10000000000");

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
    String sku = request.sku();
    if (sku == null || sku.isBlank() || sku.length() > MAX_SKU_LENGTH) {
      return ResponseEntity.badRequest()
          .body(Map.of("error", "sku must be 1 to " + MAX_SKU_LENGTH + " characters"));
    }
    if (!isAmount(request.amount())) {
      return ResponseEntity.badRequest()
          .body(
              Map.of(
                  "error", "amount must be more than 0 and below 10,000,000,000, in whole cents"));
    }
    Orders.Order order = orders.place(request.sku(), request.amount());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("orderId", order.id()));
  }

  private static boolean isAmount(BigDecimal amount) {
    return amount != null
        && amount.signum() > 0
        && amount.compareTo(AMOUNT_CEILING) < 0
        && amount.stripTrailingZeros().scale() <= 2;
  }

  @GetMapping("/api/orders")
  Map<String, Object> count() {
    return Map.of("count", orders.count());
  }
}
