package com.crossdeck.emulator.internal;

import java.util.List;

/** The emulator's route table: which handler serves which method and path. */
record Routes(
    IngestHandler ingest,
    AliasHandler alias,
    HeartbeatHandler heartbeat,
    ConfigHandler config,
    EntitlementHandler entitlements,
    ForgetHandler forget,
    NoDataHandler noData,
    CustomerReadHandler customers,
    TimelinePage page,
    ControlHandler control) {

  List<Route> all() {
    return List.of(
        new Route("POST", "/v1/events", Route.Kind.INGEST, (call, p) -> ingest.handle(call)),
        new Route("POST", "/v1/identity/alias", Route.Kind.API, (call, p) -> alias.handle(call)),
        new Route("GET", "/v1/sdk/heartbeat", Route.Kind.API, (call, p) -> heartbeat.handle(call)),
        new Route("GET", "/v1/config", Route.Kind.API, (call, p) -> config.handle(call)),
        new Route(
            "GET", "/v1/entitlements", Route.Kind.API, (call, p) -> entitlements.byHints(call)),
        new Route(
            "GET",
            "/v1/server/customers/{id}/entitlements",
            Route.Kind.API,
            (call, p) -> entitlements.byCustomer(call, p.get(0))),
        new Route(
            "POST",
            "/v1/server/customers/{id}/grant",
            Route.Kind.API,
            (call, p) -> entitlements.grant(call, p.get(0))),
        new Route(
            "POST",
            "/v1/server/customers/{id}/revoke",
            Route.Kind.API,
            (call, p) -> entitlements.revoke(call, p.get(0))),
        new Route(
            "GET",
            "/v1/server/audit/{eventId}",
            Route.Kind.API,
            (call, p) -> entitlements.audit(call, p.get(0))),
        new Route("POST", "/v1/identity/forget", Route.Kind.API, (call, p) -> forget.handle(call)),
        new Route("POST", "/v1/resolve", Route.Kind.API, (call, p) -> noData.resolve(call)),
        new Route("GET", "/v1/trust/status", Route.Kind.API, (call, p) -> noData.trustStatus(call)),
        new Route("POST", "/v1/trust/gate", Route.Kind.API, (call, p) -> noData.trustGate(call)),
        new Route(
            "POST", "/v1/purchases/sync", Route.Kind.API, (call, p) -> noData.syncPurchases(call)),
        new Route("POST", "/v1/sdk/diagnostic", Route.Kind.API, (call, p) -> noData.diagnostic()),
        new Route(
            "GET",
            "/v1/customers/{id}",
            Route.Kind.LOCAL,
            (call, p) -> customers.customer(call, p.get(0))),
        new Route(
            "GET",
            "/v1/customers/{id}/timeline",
            Route.Kind.LOCAL,
            (call, p) -> customers.timeline(call, p.get(0))),
        new Route("GET", "/", Route.Kind.LOCAL, (call, p) -> page.index(call)),
        new Route(
            "GET", "/customers/{id}", Route.Kind.LOCAL, (call, p) -> page.customer(call, p.get(0))),
        new Route(
            "GET", "/_emulator/faults", Route.Kind.CONTROL, (call, p) -> control.showFaults()),
        new Route(
            "POST", "/_emulator/faults", Route.Kind.CONTROL, (call, p) -> control.armFaults(call)),
        new Route(
            "DELETE", "/_emulator/faults", Route.Kind.CONTROL, (call, p) -> control.clearFaults()),
        new Route("POST", "/_emulator/reset", Route.Kind.CONTROL, (call, p) -> control.reset()));
  }
}
