package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.Environment;
import com.crossdeck.emulator.StoredEvent;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

/**
 * Renders the timeline pages: server-side HTML with no JavaScript, every client-supplied value
 * escaped. The index lists customers by most recent activity with the latest part of each timeline
 * ({@link CustomerHtml}), then events attributed to no customer and erased customers; a customer
 * page shows one customer.
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

  /** Everything the index page shows. */
  record IndexView(
      Scope scope,
      List<CustomerView> customers,
      int customerCount,
      int eventCount,
      List<StoredEvent> unattributed,
      int unattributedCount,
      List<ErasedCustomer> erased) {}

  /** The index page. */
  String index(IndexView view) {
    Scope scope = view.scope();
    List<CustomerView> customers = view.customers();
    int customerCount = view.customerCount();
    int eventCount = view.eventCount();
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
    customers.forEach(customer -> CustomerHtml.section(html, customer, scope.environment(), true));
    unattributedSection(html, view.unattributed(), view.unattributedCount());
    erasedSection(html, view.erased());
    return end(html);
  }

  /** Customers erased by {@code POST /v1/identity/forget}: only their ids and counts remain. */
  private static void erasedSection(StringBuilder html, List<ErasedCustomer> erased) {
    if (erased.isEmpty()) {
      return;
    }
    html.append("<section id=\"erased\"><h2>Erased customers</h2><ul>");
    for (ErasedCustomer customer : erased) {
      html.append("<li><code>")
          .append(Html.escape(customer.id()))
          .append("</code> erased at ")
          .append(customer.erasedAt().truncatedTo(ChronoUnit.MILLIS))
          .append(": ")
          .append(customer.eventCount())
          .append(customer.eventCount() == 1 ? " event" : " events")
          .append(", ")
          .append(customer.entitlementCount())
          .append(customer.entitlementCount() == 1 ? " entitlement" : " entitlements")
          .append(" and every identifier removed</li>");
    }
    html.append("</ul></section>");
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
    CustomerHtml.events(html, events);
    html.append("</section>");
  }

  /** The page of one customer. */
  String customer(CustomerView customer, Environment environment) {
    StringBuilder html = start("Customer " + customer.customer().id());
    html.append("<p><a href=\"/?env=")
        .append(environment.wireName())
        .append("\">← all customers</a></p>");
    CustomerHtml.section(html, customer, environment, false);
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

  private static StringBuilder start(String title) {
    return new StringBuilder(4096)
        .append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        // No icon: without it browsers ask for /favicon.ico, which the emulator does not serve.
        .append("<link rel=\"icon\" href=\"data:,\">")
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
