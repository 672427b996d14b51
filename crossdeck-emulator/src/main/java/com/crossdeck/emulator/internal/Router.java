package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.RecordedRequest;
import com.crossdeck.emulator.internal.http.Handler;
import com.crossdeck.emulator.internal.http.HttpRequest;
import com.crossdeck.emulator.internal.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every request: finds the route (or answers a CORS preflight), guards the controls, applies
 * faults to API routes, turns errors into the contract's error bodies, adds CORS headers, records
 * API requests, and produces the answer (or, for a dropped connection, none).
 */
final class Router implements Handler {

  private static final Logger log = LoggerFactory.getLogger(Router.class);

  private final List<Route> routes;
  private final FaultPlan faults;
  private final RequestLog requests;
  private final Clock clock;
  private final CorsPolicy cors;
  private final ControlGuard controlGuard;

  Router(
      List<Route> routes,
      FaultPlan faults,
      RequestLog requests,
      Clock clock,
      CorsPolicy cors,
      ControlGuard controlGuard) {
    this.routes = List.copyOf(routes);
    this.faults = faults;
    this.requests = requests;
    this.clock = clock;
    this.cors = cors;
    this.controlGuard = controlGuard;
  }

  @Override
  public HttpResponse handle(HttpRequest request) {
    HttpCall call = new HttpCall(request, clock.instant());
    Route.Match match =
        call.method().equals("OPTIONS")
            ? new Route.Match(
                Route.Kind.LOCAL, (preflight, p) -> cors.preflight(preflight), List.of())
            : match(call);
    Route.Kind kind = match.kind();
    if (kind.isApi()) {
      pause(faults.currentLatency());
    }
    ApiResponse response = cors.decorate(call, respond(call, match));
    boolean drop = kind == Route.Kind.INGEST && faults.takeDrop();
    if (kind.isApi()) {
      requests.add(record(call, response.status(), drop), call.receivedBytes().length);
    }
    log.debug(
        "{} {} -> {}{}", call.method(), call.path(), response.status(), drop ? " (dropped)" : "");
    return drop ? HttpResponse.dropConnection() : toHttp(response, call.requestId());
  }

  @Override
  public HttpResponse reject(int status, String code, String message) {
    String requestId = Ids.requestId();
    ApiError error = ApiError.of(status, code, message);
    if (status == 503) {
      error = error.withHeader("Retry-After", "1");
    }
    return toHttp(ApiResponse.error(error, requestId), requestId);
  }

  private static HttpResponse toHttp(ApiResponse response, String requestId) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", response.contentType());
    headers.put("x-request-id", requestId);
    headers.putAll(response.headers());
    return HttpResponse.of(response.status(), headers, response.body());
  }

  private Route.Match match(HttpCall call) {
    boolean pathExists = false;
    for (Route route : routes) {
      Optional<List<String>> params = route.match(call.segments());
      if (params.isPresent()) {
        if (route.method().equals(call.method())) {
          return new Route.Match(route.kind(), route.handler(), params.get());
        }
        pathExists = true;
      }
    }
    return unmatched(call, pathExists);
  }

  /**
   * A 405 or 404. Unknown {@code /v1} paths count as API requests, so an SDK calling an endpoint
   * the emulator lacks shows up in the recorded requests.
   */
  private static Route.Match unmatched(HttpCall call, boolean pathExists) {
    ApiError error =
        pathExists
            ? ApiError.of(405, "method_not_allowed", call.method() + " is not allowed here.")
            : ApiError.of(
                404, "route_not_found", "No route for " + call.method() + " " + call.path());
    List<String> segments = call.segments();
    boolean api =
        !segments.isEmpty()
            && segments.get(0).equals("v1")
            && !(segments.size() > 1 && segments.get(1).equals("customers"));
    Route.Handler fail =
        (unused, params) -> {
          throw new ApiException(error);
        };
    return new Route.Match(api ? Route.Kind.API : Route.Kind.LOCAL, fail, List.of());
  }

  private ApiResponse respond(HttpCall call, Route.Match match) {
    try {
      if (match.kind() == Route.Kind.CONTROL) {
        controlGuard.check(call);
      }
      if (match.kind() == Route.Kind.INGEST) {
        Optional<ApiError> injected = faults.takeFailure();
        if (injected.isPresent()) {
          return ApiResponse.error(injected.get(), call.requestId());
        }
      }
      return match.handler().handle(call, match.params());
    } catch (ApiException e) {
      return ApiResponse.error(e.error(), call.requestId());
    } catch (RuntimeException e) {
      log.error("Request {} {} ({}) failed", call.method(), call.path(), call.requestId(), e);
      return ApiResponse.error(
          ApiError.of(
              500,
              "internal_error",
              "The emulator failed to answer; its log has the details under this request_id."),
          call.requestId());
    }
  }

  private static void pause(Duration latency) {
    if (latency.isZero()) {
      return;
    }
    try {
      Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server is stopping: answer at once
    }
  }

  private static RecordedRequest record(HttpCall call, int status, boolean dropped) {
    return new RecordedRequest(
        call.method(),
        call.path(),
        call.rawQuery(),
        call.headers(),
        call.receivedBytes(),
        status,
        dropped,
        call.receivedAt());
  }
}
