package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.AuditEntry;
import com.crossdeck.emulator.Entitlement;
import com.crossdeck.emulator.Environment;
import com.crossdeck.emulator.IdentityHint;
import com.crossdeck.emulator.StoredEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders one customer for the timeline pages: identifiers, warnings (identity conflict, refused
 * aliases), entitlements, audit entries and the timeline, every client-supplied value escaped.
 */
final class CustomerHtml {

  private CustomerHtml() {}

  static void section(
      StringBuilder html, CustomerView view, Environment environment, boolean linkTitle) {
    CustomerSnapshot customer = view.customer();
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
    warnings(html, customer);
    summary(html, customer);
    entitlements(html, customer.entitlements(), view.readAt());
    audit(html, view.audit());
    html.append("<p class=\"muted\">")
        .append(customer.eventCount())
        .append(customer.eventCount() == 1 ? " event" : " events")
        .append(customer.events().size() < customer.eventCount() ? ", latest shown" : "")
        .append(", last active ")
        .append(customer.lastActivity().truncatedTo(ChronoUnit.MILLIS))
        .append("</p>");
    events(html, customer.events());
    html.append("</section>");
  }

  /** A table of events, as sent; nothing when there are none. */
  static void events(StringBuilder html, List<StoredEvent> events) {
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

  private static void warnings(StringBuilder html, CustomerSnapshot customer) {
    if (customer.holdsSeveralUsers()) {
      html.append(
          "<p class=\"warning\"><strong>Identity conflict:</strong> this customer holds more"
              + " than one developerUserId. Crossdeck never links two users to one customer;"
              + " check how the application calls aliasIdentity.</p>");
    }
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
  }

  private static void summary(StringBuilder html, CustomerSnapshot customer) {
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
    if (!customer.traits().isEmpty()) {
      html.append("<p>Traits: <code>").append(json(customer.traits())).append("</code></p>");
    }
  }

  private static void entitlements(
      StringBuilder html, List<Entitlement> entitlements, Instant readAt) {
    if (entitlements.isEmpty()) {
      return;
    }
    html.append(
        "<table><thead><tr><th>Entitlement</th><th>State</th><th>Valid until (UTC)</th>"
            + "<th>Source</th><th>Updated (UTC)</th></tr></thead><tbody>");
    for (Entitlement entitlement : entitlements) {
      html.append("<tr><td><strong>")
          .append(Html.escape(entitlement.key()))
          .append("</strong></td><td>")
          .append(state(entitlement, readAt))
          .append("</td><td>")
          .append(entitlement.validUntil() == null ? "no expiry" : entitlement.validUntil())
          .append("</td><td>")
          .append(Html.escape(entitlement.rail()))
          .append(" <code>")
          .append(Html.escape(entitlement.subscriptionId()))
          .append("</code></td><td>")
          .append(entitlement.updatedAt())
          .append("</td></tr>");
    }
    html.append("</tbody></table>");
  }

  private static String state(Entitlement entitlement, Instant readAt) {
    if (entitlement.grantsAccessAt(readAt)) {
      return "active";
    }
    return entitlement.active() ? "expired" : "inactive";
  }

  private static void audit(StringBuilder html, List<AuditEntry> audit) {
    if (audit.isEmpty()) {
      return;
    }
    html.append("<p>Audit: ")
        .append(
            audit.stream()
                .map(
                    entry ->
                        "<code>"
                            + Html.escape(entry.eventId())
                            + "</code> "
                            + Html.escape(entry.eventType())
                            + " "
                            + Html.escape(entry.entitlementKey())
                            + " ("
                            + Html.escape(entry.decision())
                            + ")")
                .collect(Collectors.joining(" · ")))
        .append("</p>");
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

  private static String json(Map<String, Object> value) {
    return Html.escape(Json.string(value));
  }
}
