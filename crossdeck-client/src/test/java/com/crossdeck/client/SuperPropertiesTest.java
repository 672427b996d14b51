package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Super-properties and groups merged into every tracked event (extended contract §5). */
class SuperPropertiesTest extends MockServerTest {

  private JsonNode sentProperties(CrossdeckServer client, Event event) {
    client.track(event);
    client.flush(Duration.ofSeconds(5));
    return nextBatch().events().get(0).get("properties");
  }

  @Test
  void mergesThemBelowTheEventsOwnPropertiesAndAddsGroupsAsTheContractsExample() {
    CrossdeckServer client = client();
    client.register(Map.of("tenant", "acme"));
    client.register(Map.of("plan", "pro"));
    client.group("org", "acme_inc", Map.of("headcount", 12));
    client.group("team", "design");

    JsonNode properties =
        sentProperties(
            client,
            Event.builder("checkout.started")
                .developerUserId("user_847")
                .property("plan", "team")
                .property("email", "a@b.com")
                .build());

    assertThat(properties.toString())
        .isEqualTo(
            "{\"tenant\":\"acme\",\"plan\":\"team\",\"email\":\"a@b.com\","
                + "\"$groups\":{\"org\":\"acme_inc\",\"team\":\"design\"}}");
  }

  @Test
  void anEventsOwnGroupsOrAGroupsSuperPropertyIsLeftAsItIs() {
    CrossdeckServer client = client();
    client.group("org", "acme_inc");

    JsonNode own =
        sentProperties(
            client, userEvent("a").toBuilder().property("$groups", Map.of("org", "other")).build());
    client.register(Map.of("$groups", "custom"));
    JsonNode fromSuper = sentProperties(client, userEvent("b"));

    assertThat(own.get("$groups").get("org").asText()).isEqualTo("other");
    assertThat(fromSuper.get("$groups").asText()).isEqualTo("custom");
  }

  @Test
  void aNullValueUnregistersAndANullGroupIdLeavesTheGroup() {
    CrossdeckServer client = client();
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("region", null);
    client.register(Map.of("region", "eu", "tier", 2));
    client.group("org", "acme_inc", Map.of("plan", "enterprise"));

    assertThat(client.superProperties()).containsEntry("region", "eu");
    assertThat(client.groups())
        .containsEntry("org", new GroupMembership("acme_inc", Map.of("plan", "enterprise")));
    assertThat(client.register(withNull)).containsOnlyKeys("tier");
    client.unregister("tier");
    client.unregister("never_registered");
    client.group("org", null);

    assertThat(client.superProperties()).isEmpty();
    assertThat(client.groups()).isEmpty();
    assertThat(sentProperties(client, userEvent("a")).toString()).isEqualTo("{}");
  }

  @Test
  void theValuesAreTakenWhenRegisteredNotWhenTracked() {
    CrossdeckServer client = client();
    List<String> regions = new java.util.ArrayList<>(List.of("eu"));
    client.register(Map.of("regions", regions));
    regions.add("us");

    assertThat(sentProperties(client, userEvent("a")).get("regions").toString())
        .isEqualTo("[\"eu\"]");
  }

  @Test
  void refusesABlankGroupTypeAValueThatCannotBeConvertedAndAnOversizedBag() {
    CrossdeckServer client = client();
    client.register(Map.of("kept", "yes"));
    Object unconvertible =
        new Object() {
          @Override
          public String toString() {
            throw new IllegalStateException("no");
          }

          public String getValue() {
            throw new IllegalStateException("getter bug");
          }
        };

    CrossdeckException blankType =
        catchThrowableOfType(CrossdeckException.class, () -> client.group(" ", "acme"));
    CrossdeckException bad =
        catchThrowableOfType(
            CrossdeckException.class, () -> client.register(Map.of("bad", unconvertible)));
    CrossdeckException tooLarge =
        catchThrowableOfType(
            CrossdeckException.class,
            () -> client.register(Map.of("a", "x".repeat(2500), "b", "y".repeat(2500))));

    assertThat(blankType.code()).isEqualTo(ErrorCodes.MISSING_GROUP_TYPE);
    assertThat(bad.code()).isEqualTo(ErrorCodes.SERIALIZATION_FAILED);
    assertThat(bad.param()).contains("bad");
    assertThat(tooLarge.code()).isEqualTo(ErrorCodes.SUPER_PROPERTIES_TOO_LARGE);
    assertThat(tooLarge.getMessage()).contains("4096");
    assertThat(client.superProperties()).as("nothing changed").containsOnlyKeys("kept");
  }

  @Test
  void theMergedBagNeverExceeds8KbAndLosesItsLargestKeysFirst() {
    CrossdeckServer client = client();
    client.register(Map.of("region", "eu-west-1", "build", "b".repeat(3000)));
    client.group("org", "acme_inc");
    Map<String, Object> own = new LinkedHashMap<>();
    own.put("order", 42);
    own.put("note", "n".repeat(4000));
    own.put("summary", "s".repeat(2000));

    client.track(Event.builder("checkout").developerUserId("u").properties(own).build());
    client.flush(Duration.ofSeconds(5));
    RecordedBatch batch = nextBatch();
    JsonNode properties = batch.events().get(0).get("properties");

    assertThat(properties.toString().getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(8192);
    assertThat(properties.get("__truncated").asBoolean()).isTrue();
    assertThat(properties.has("note")).as("the largest key went first").isFalse();
    assertThat(properties.get("build").asText()).hasSize(3000);
    assertThat(properties.get("summary").asText()).hasSize(2000);
    assertThat(properties.get("order").asInt()).isEqualTo(42);
    assertThat(properties.get("region").asText()).isEqualTo("eu-west-1");
    assertThat(properties.get("$groups").get("org").asText()).isEqualTo("acme_inc");
    assertThat(client.diagnostics().delivery().truncated()).isEqualTo(1);
  }

  @Test
  void importedEventsCarryNoSuperPropertiesAsInTheReferenceSdk() {
    CrossdeckServer client = client();
    client.register(Map.of("tenant", "acme"));
    client.group("org", "acme_inc");

    client.ingest(List.of(userEvent("imported")));

    assertThat(nextBatch().events().get(0).get("properties").toString()).isEqualTo("{}");
  }
}
