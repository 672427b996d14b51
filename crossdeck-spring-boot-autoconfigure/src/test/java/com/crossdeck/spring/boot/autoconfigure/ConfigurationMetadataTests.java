package com.crossdeck.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.outbox.OutboxOptions;
import com.crossdeck.spring.identity.IdentityInputValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

/** The metadata IDEs complete {@code crossdeck.*} from, generated from CrossdeckProperties. */
class ConfigurationMetadataTests {

  @Test
  void documentsEveryCrossdeckProperty() throws IOException {
    assertThat(descriptions())
        .containsOnlyKeys(
            "crossdeck.enabled",
            "crossdeck.secret-key",
            "crossdeck.base-url",
            "crossdeck.service-name",
            "crossdeck.service-version",
            "crossdeck.app-version",
            "crossdeck.app-id",
            "crossdeck.event-flush-batch-size",
            "crossdeck.event-flush-interval",
            "crossdeck.timeout",
            "crossdeck.max-queue-size",
            "crossdeck.max-queue-bytes",
            "crossdeck.boot-heartbeat",
            "crossdeck.shutdown-timeout",
            "crossdeck.error-capture-rate-limit",
            "crossdeck.error-capture-process-cap",
            "crossdeck.in-app-packages",
            "crossdeck.identity.anonymous-id-header",
            "crossdeck.identity.anonymous-id-cookie",
            "crossdeck.identity.customer-id-cookie",
            "crossdeck.identity.anonymous-id-pattern",
            "crossdeck.identity.link-anonymous-on-login",
            "crossdeck.identity.propagate-to-tasks",
            "crossdeck.web.enabled",
            "crossdeck.web.filter-order",
            "crossdeck.web.reactive-filter-order",
            "crossdeck.tracking.enabled",
            "crossdeck.health.strict",
            "crossdeck.emulator.enabled",
            "crossdeck.emulator.port",
            "crossdeck.emulator.allowed-origins",
            "crossdeck.entitlements.cache-ttl",
            "crossdeck.entitlements.stale-after",
            "crossdeck.entitlements.max-customers",
            "crossdeck.errors.breadcrumbs-max-size",
            "crossdeck.errors.breadcrumbs-from-events",
            "crossdeck.outbox.enabled",
            "crossdeck.outbox.table",
            "crossdeck.outbox.create-table",
            "crossdeck.outbox.max-rows",
            "crossdeck.outbox.max-bytes",
            "crossdeck.outbox.max-age",
            "crossdeck.outbox.poll-interval")
        .allSatisfy(
            (name, description) ->
                assertThat(description).as(name).isNotBlank().doesNotStartWith("The "));
  }

  @Test
  void documentsTheDefaultsUsersSeeInTheirIde() throws IOException {
    Map<String, JsonNode> properties = properties();

    assertThat(
            properties.get("crossdeck.identity.anonymous-id-header").get("defaultValue").asText())
        .isEqualTo("X-Anon-Id");
    assertThat(
            properties.get("crossdeck.identity.anonymous-id-cookie").get("defaultValue").asText())
        .isEqualTo("crossdeck:anon_id");
    assertThat(
            properties.get("crossdeck.identity.anonymous-id-pattern").get("defaultValue").asText())
        .isEqualTo(IdentityInputValidator.DEFAULT_ANONYMOUS_ID_PATTERN);
    assertThat(properties.get("crossdeck.shutdown-timeout").get("defaultValue").asText())
        .isEqualTo("10s");
    assertThat(properties.get("crossdeck.web.filter-order").get("defaultValue").asInt())
        .isEqualTo(-101);
    assertThat(properties.get("crossdeck.web.reactive-filter-order").get("defaultValue").asInt())
        .isEqualTo(-99);
  }

  @Test
  void documentsTheOutboxDefaultsTheClientUses() throws IOException {
    Map<String, JsonNode> properties = properties();

    assertThat(properties.get("crossdeck.outbox.enabled").get("defaultValue").asBoolean())
        .isFalse();
    assertThat(properties.get("crossdeck.outbox.table").get("defaultValue").asText())
        .isEqualTo(OutboxOptions.DEFAULT_TABLE);
    assertThat(properties.get("crossdeck.outbox.create-table").get("defaultValue").asBoolean())
        .isTrue();
    assertThat(properties.get("crossdeck.outbox.max-rows").get("defaultValue").asLong())
        .isEqualTo(OutboxOptions.DEFAULT_MAX_ROWS);
    assertThat(
            DataSize.parse(
                    properties.get("crossdeck.outbox.max-bytes").get("defaultValue").asText())
                .toBytes())
        .isEqualTo(OutboxOptions.DEFAULT_MAX_BYTES);
    assertThat(
            DurationStyle.detectAndParse(
                properties.get("crossdeck.outbox.max-age").get("defaultValue").asText()))
        .isEqualTo(OutboxOptions.DEFAULT_MAX_AGE);
    assertThat(
            DurationStyle.detectAndParse(
                properties.get("crossdeck.outbox.poll-interval").get("defaultValue").asText()))
        .isEqualTo(OutboxOptions.DEFAULT_POLL_INTERVAL);
    CrossdeckProperties.Outbox bound = new CrossdeckProperties().getOutbox();
    assertThat(bound.getMaxBytes().toBytes()).isEqualTo(OutboxOptions.DEFAULT_MAX_BYTES);
    assertThat(bound.getMaxAge()).isEqualTo(OutboxOptions.DEFAULT_MAX_AGE);
  }

  private static Map<String, String> descriptions() throws IOException {
    Map<String, String> descriptions = new LinkedHashMap<>();
    properties().forEach((name, node) -> descriptions.put(name, node.path("description").asText()));
    return descriptions;
  }

  private static Map<String, JsonNode> properties() throws IOException {
    try (InputStream in =
        ConfigurationMetadataTests.class.getResourceAsStream(
            "/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("generated metadata").isNotNull();
      Map<String, JsonNode> properties = new LinkedHashMap<>();
      new ObjectMapper()
          .readTree(in)
          .path("properties")
          .forEach(property -> properties.put(property.get("name").asText(), property));
      return properties;
    }
  }
}
