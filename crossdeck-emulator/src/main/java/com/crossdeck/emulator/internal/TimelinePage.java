package com.crossdeck.emulator.internal;

/**
 * {@code GET /} and {@code GET /customers/{anyIdentifier}}: the human view of what the emulator
 * stored. The index is capped so it stays quick after a benchmark stored millions of events.
 */
final class TimelinePage {

  static final int INDEX_CUSTOMERS = 100;
  static final int INDEX_EVENTS_PER_CUSTOMER = 50;
  static final int CUSTOMER_PAGE_EVENTS = 1000;

  private final Indexer indexer;
  private final TimelineHtml html;

  TimelinePage(Indexer indexer, TimelineHtml html) {
    this.indexer = indexer;
    this.html = html;
  }

  ApiResponse index(HttpCall call) {
    Scope scope = ReadScope.of(call);
    TimelineHtml.IndexView index =
        indexer.read(
            store ->
                new TimelineHtml.IndexView(
                    scope,
                    store
                        .recentCustomers(scope, INDEX_CUSTOMERS, INDEX_EVENTS_PER_CUSTOMER)
                        .stream()
                        .map(customer -> CustomerView.of(store, scope, customer, call.receivedAt()))
                        .toList(),
                    store.customerCount(scope),
                    store.eventCount(scope),
                    store.unattributed(scope, INDEX_EVENTS_PER_CUSTOMER),
                    store.unattributedCount(scope),
                    store.erased(scope)));
    return ApiResponse.html(200, html.index(index));
  }

  ApiResponse customer(HttpCall call, String anyIdentifier) {
    Scope scope = ReadScope.of(call);
    return indexer
        .read(
            store ->
                store
                    .customer(scope, anyIdentifier, CUSTOMER_PAGE_EVENTS)
                    .map(customer -> CustomerView.of(store, scope, customer, call.receivedAt())))
        .map(customer -> ApiResponse.html(200, html.customer(customer, scope.environment())))
        .orElseGet(() -> ApiResponse.html(404, html.notFound(anyIdentifier)));
  }
}
