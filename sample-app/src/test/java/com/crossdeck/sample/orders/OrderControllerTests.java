package com.crossdeck.sample.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** What the orders endpoint does with a body anyone can send. */
class OrderControllerTests {

  Orders orders;
  OrderController controller;

  @BeforeEach
  void database() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:orders-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    new ResourceDatabasePopulator(new ClassPathResource("orders/schema.sql")).execute(dataSource);
    orders = new Orders(new JdbcTemplate(dataSource));
    controller = new OrderController(orders);
  }

  @Test
  void aSkuLongerThanTheColumnIsRefusedNamingTheFieldAndTheLimit() {
    ResponseEntity<Map<String, Object>> response =
        controller.place(new OrderController.OrderRequest("x".repeat(200_000), BigDecimal.ONE));

    assertThat(response.getStatusCode().value()).isEqualTo(400);
    assertThat(response.getBody()).containsEntry("error", "sku must be 1 to 64 characters");
    assertThat(orders.count()).isZero();
  }

  @Test
  void anAmountThatIsNotAPositiveSumOfDollarsAndCentsIsRefused() {
    for (String amount : new String[] {"-3", "0", "0.001", "1e12"}) {
      ResponseEntity<Map<String, Object>> response =
          controller.place(new OrderController.OrderRequest("sku-1", new BigDecimal(amount)));

      assertThat(response.getStatusCode().value()).as(amount).isEqualTo(400);
      assertThat(response.getBody())
          .as(amount)
          .containsEntry(
              "error", "amount must be more than 0 and below 10,000,000,000, in whole cents");
    }
    assertThat(orders.count()).isZero();
  }

  @Test
  void aValidOrderIsPlaced() {
    ResponseEntity<Map<String, Object>> response =
        controller.place(new OrderController.OrderRequest("sku-1", new BigDecimal("9.99")));

    assertThat(response.getStatusCode().value()).isEqualTo(201);
    assertThat(orders.count()).isEqualTo(1);
  }
}
