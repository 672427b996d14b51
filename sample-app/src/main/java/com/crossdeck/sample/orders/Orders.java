package com.crossdeck.sample.orders;

import com.crossdeck.spring.tracking.TrackEvent;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places orders in the database, with an {@code order_placed} event for each. With the outbox
 * ({@code outbox} profile), the event is written in the order's own transaction: both commit, or
 * neither, and a {@code kill -9} after the commit loses neither.
 */
@Service
@Profile("outbox")
public class Orders {

  private final JdbcTemplate jdbc;

  Orders(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Places an order for the current visitor or user (the request's identity).
   *
   * @param sku what was ordered
   * @param amount the order's total, in dollars
   */
  @Transactional
  @TrackEvent(
      value = "order_placed",
      eventId = "'order_' + #result.id()",
      properties = "{sku: #sku, amount: #amount}")
  public Order place(String sku, BigDecimal amount) {
    Order order = new Order(UUID.randomUUID().toString(), sku, amount);
    jdbc.update("INSERT INTO orders (id, sku, amount) VALUES (?, ?, ?)", order.id(), sku, amount);
    return order;
  }

  /** How many orders were placed. */
  @Transactional(readOnly = true)
  public long count() {
    return jdbc.queryForObject("SELECT count(*) FROM orders", Long.class);
  }

  /**
   * A placed order.
   *
   * @param id its id
   * @param sku what was ordered
   * @param amount its total, in dollars
   */
  public record Order(String id, String sku, BigDecimal amount) {}
}
