package com.crossdeck.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.emulator.IdentityHint;
import com.crossdeck.emulator.IdentityHint.Type;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The conflict flag cannot be produced through the emulator's API any more (the graph refuses every
 * alias that would cause it), so the renderer is checked directly with such a customer.
 */
class TimelineHtmlTest {

  private final TimelineHtml html = new TimelineHtml(() -> "http://127.0.0.1:8787/v1", null);

  private static CustomerView view(IdentityHint... identifiers) {
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    CustomerSnapshot customer =
        new CustomerSnapshot(
            "cdcust_1",
            List.of(identifiers),
            null,
            Map.of(),
            List.of(),
            List.of(),
            List.of(),
            at,
            at,
            0,
            List.of());
    return new CustomerView(customer, List.of(), at);
  }

  @Test
  void flagsACustomerHoldingMoreThanOneDeveloperUserId() {
    String page =
        html.customer(
            view(
                new IdentityHint(Type.DEVELOPER_USER_ID, "user_ada"),
                new IdentityHint(Type.DEVELOPER_USER_ID, "user_grace")),
            com.crossdeck.emulator.Environment.SANDBOX);

    assertThat(page).contains("Identity conflict").contains("more than one developerUserId");
  }

  @Test
  void doesNotFlagACustomerWithOneUserAndAnonymousIds() {
    String page =
        html.customer(
            view(
                new IdentityHint(Type.DEVELOPER_USER_ID, "user_ada"),
                new IdentityHint(Type.ANONYMOUS_ID, "anon_1"),
                new IdentityHint(Type.ANONYMOUS_ID, "anon_2")),
            com.crossdeck.emulator.Environment.SANDBOX);

    assertThat(page).doesNotContain("Identity conflict");
  }
}
