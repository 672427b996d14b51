package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.Environment;
import com.crossdeck.emulator.IdentityHint;
import com.crossdeck.emulator.StoredEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Renders the timeline pages: server-side HTML with no JavaScript, every client-supplied value
 * escaped. The index lists customers by most recent activity with the latest part of each timeline;
 * a customer page shows one customer's timeline.
 */
final class TimelineHtml {

  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;margin:2rem;color:#1d1d1f}"
          + "code{background:#f2f2f4;padding:0 .25rem;border-radius:3px}"
          + "section{border-top:1px solid #ddd;padding:1rem 0}"
          + "table{border-collapse:collapse;width:100%;font-size:.9rem}"
          + "th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eee;vertical-align:top}"
          + "td.props{font-family:ui-monospace,monospace;word-break:break-all}"
          + ".muted{color:#6e6e73}"
          + ".warning{background:#fff4e5;border-left:4px solid #e67700;padding:.4rem .6rem}";

  private final Supplier<String> baseUrl;
  private final String testKey;

  /**
   * @param baseUrl the API base URL, known once the server is bound
   * @param testKey the key to advertise, or null when the configuration does not accept it
   */
  TimelineHtml(Supplier<String> baseUrl, String testKey) {
    this.baseUrl = baseUrl;
    this.testKey = testKey;
  }

  /** The index page. */
  String index(
      Scope scope,
      List<CustomerSnapshot> customers,
      int customerCount,
      int eventCount,
      List<StoredEvent> unattributed,
      int unattributedCount) {
    StringBuilder html = start("Crossdeck emulator — " + scope.environment().wireName());
    html.append("<p>API base URL <code>").append(Html.escape(baseUrl.get())).append("</code>");
    if (testKey != null) {
      html.append(" · test key <code>").append(Html.escape(testKey)).append("</code>");
    }
    html.append("</p>");
    html.append("<p>Environment: ").append(environmentSwitch(scope.environment())).append("</p>");
    html.append("<p>")
        .append(customerCount)
        .append(customerCount == 1 ? " customer, " : " customers, ")
        .append(eventCount)
        .append(eventCount == 1 ? " event." : " events.");
    if (customers.size() < customerCount) {
      html.append(" Showing the ").append(customers.size()).append(" most recently active.");
    }
    html.append("</p>");
    if (customers.isEmpty()) {
      html.append("<p class=\"muted\">No events yet. Send some to <code>POST ")
          .append(Html.escape(baseUrl.get()))
          .append("/events</code>.</p>");
    }
    customers.forEach(customer -> customerSection(html, customer, scope.environment(), true));
    unattributedSection(html, unattributed, unattributedCount);
    return end(html);
  }

  /**
   * Events whose only hint was a customer id the emulator never issued: stored, attributed to no
   * one ("events appearing but not attributing").
   */
  private static void unattributedSection(StringBuilder html, List<StoredEvent> events, int total) {
    if (total == 0) {
      return;
    }
    html.append("<section id=\"unattributed\"><h2>Not attributed to any customer</h2>")
        .append("<p class=\"muted\">")
        .append(total)
        .append(total == 1 ? " event" : " events")
        .append(events.size() < total ? ", latest shown" : "")
        .append(". Their only identity hint was a crossdeckCustomerId the emulator never issued,")
        .append(" so they belong to no customer.</p>");
    eventTable(html, events);
    html.append("</section>");
  }

  /** The page of one customer. */
  String customer(CustomerSnapshot customer, Environment environment) {
    StringBuilder html = start("Customer " + customer.id());
    html.append("<p><a href=\"/?env=")
        .append(environment.wireName())
        .append("\">← all customers</a></p>");
    customerSection(html, customer, environment, false);
    return end(html);
  }

  /** The page for an identifier no customer has. */
  String notFound(String anyIdentifier) {
    StringBuilder html = start("No such customer");
    html.append("<p>No customer has the identifier <code>")
        .append(Html.escape(anyIdentifier))
        .append("</code>. <a href=\"/\">All customers</a></p>");
    return end(html);
  }

  private static void customerSection(
      StringBuilder html, CustomerSnapshot customer, Environment environment, boolean linkTitle) {
    String id = Html.escape(customer.id());
    html.append("<section id=\"").append(id).append("\"><h2>");
    if (linkTitle) {
      html.append("<a href=\"/customers/")
          .append(Html.pathSegment(customer.id()))
          .append("?env=")
          .append(environment.wireName())
          .append("\">")
          .append(id)
          .append("</a>");
    } else {
      html.append(id);
    }
    html.append("</h2>");
    if (customer.holdsSeveralUsers()) {
      html.append(
          "<p class=\"warning\"><strong>Identity conflict:</strong> this customer holds more"
              + " than one developerUserId. Crossdeck never links two users to one customer;"
              + " check how the application calls aliasIdentity.</p>");
    }
    html.append("<p>Identifiers: ").append(identifiers(customer.identifiers()));
    if (customer.email() != null) {
      html.append(" · email <code>").append(Html.escape(customer.email())).append("</code>");
    }
    if (!customer.mergedFrom().isEmpty()) {
      html.append(" · merged from ")
          .append(
              customer.mergedFrom().stream()
                  .map(merged -> "<code>" + Html.escape(merged) + "</code>")
                  .collect(Collectors.joining(", ")));
    }
    html.append("</p>");
    for (RefusedAlias refused : customer.refusedAliases()) {
      html.append("<p class=\"warning\"><strong>Refused alias</strong> at ")
          .append(refused.at().truncatedTo(ChronoUnit.MILLIS))
          .append(": developerUserId <code>")
          .append(Html.escape(refused.userId()))
          .append("</code> tried to take ")
          .append(Html.escape(refused.identifier().field()))
          .append(" <code>")
          .append(Html.escape(refused.identifier().value()))
          .append("</code>, which stayed here: a customer never holds two developerUserIds.</p>");
    }
    if (!customer.traits().isEmpty()) {
      html.append("<p>Traits: <code>").append(json(customer.traits())).append("</code></p>");
    }
    html.append("<p class=\"muted\">")
        .append(customer.eventCount())
        .append(customer.eventCount() == 1 ? " event" : " events")
        .append(customer.events().size() < customer.eventCount() ? ", latest shown" : "")
        .append(", last active ")
        .append(customer.lastActivity().truncatedTo(ChronoUnit.MILLIS))
        .append("</p>");
    eventTable(html, customer.events());
    html.append("</section>");
  }

  private static void eventTable(StringBuilder html, List<StoredEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    html.append(
        "<table><thead><tr><th>Time (UTC)</th><th>Event</th><th>Sent as</th>"
            + "<th>Properties</th><th>Event id</th></tr></thead><tbody>");
    for (StoredEvent event : events) {
      html.append("<tr><td>")
          .append(Instant.ofEpochMilli(event.timestamp()))
          .append("</td><td><strong>")
          .append(Html.escape(event.name()))
          .append("</strong></td><td>")
          .append(sentAs(event.identities()))
          .append("</td><td class=\"props\">")
          .append(json(event.properties()))
          .append("</td><td><code>")
          .append(Html.escape(event.eventId()))
          .append("</code></td></tr>");
    }
    html.append("</tbody></table>");
  }

  private static String sentAs(List<IdentityHint> hints) {
    return hints.stream()
        .map(hint -> Html.escape(hint.field()) + " <code>" + Html.escape(hint.value()) + "</code>")
        .collect(Collectors.joining("<br>"));
  }

  private static String identifiers(List<IdentityHint> identifiers) {
    return identifiers.stream()
        .map(
            identifier ->
                identifier.type().linkType()
                    + " <code>"
                    + Html.escape(identifier.value())
                    + "</code>")
        .collect(Collectors.joining(", "));
  }

  private static String environmentSwitch(Environment current) {
    StringBuilder links = new StringBuilder();
    for (Environment environment : Environment.values()) {
      if (links.length() > 0) {
        links.append(" | ");
      }
      String name = environment.wireName();
      links.append(
          environment == current
              ? "<strong>" + name + "</strong>"
              : "<a href=\"/?env=" + name + "\">" + name + "</a>");
    }
    return links.toString();
  }

  private static String json(Map<String, Object> value) {
    return Html.escape(Json.string(value));
  }

  private static StringBuilder start(String title) {
    return new StringBuilder(4096)
        .append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(Html.escape(title))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body><h1>")
        .append(Html.escape(title))
        .append("</h1>");
  }

  private static String end(StringBuilder html) {
    return html.append("</body></html>").toString();
  }
}
