package com.crossdeck.client.internal.calls;

import com.crossdeck.client.AliasRequest;
import com.crossdeck.client.AliasResult;
import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.ErrorCodes;
import com.crossdeck.client.internal.ApiContract;
import com.crossdeck.client.internal.encoding.EventEncoder;
import com.crossdeck.client.internal.encoding.JsonBody;
import com.crossdeck.client.internal.encoding.JsonWriter;
import com.crossdeck.client.internal.http.ApiClient;
import com.crossdeck.client.internal.http.DirectCall;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code POST /identity/alias}: links identifiers to one customer, directly (not queued), and
 * returns once the server has the link. Arguments are checked before any request, because these are
 * calls a program makes on purpose and needs an answer to. The asynchronous variant runs on a small
 * bounded pool of daemon threads ({@code crossdeck-identify-*}). Thread-safe.
 */
public final class IdentityLinker {

  private static final int ASYNC_THREADS = 2;
  private static final int ASYNC_BACKLOG = 1024;

  private final ApiClient api;
  private final EventEncoder encoder;
  private final ExecutorService async;

  /** Creates the linker of one client. */
  public IdentityLinker(ApiClient api, EventEncoder encoder) {
    this.api = api;
    this.encoder = encoder;
    AtomicInteger threads = new AtomicInteger();
    this.async =
        new ThreadPoolExecutor(
            ASYNC_THREADS,
            ASYNC_THREADS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(ASYNC_BACKLOG),
            task -> {
              Thread thread = new Thread(task, "crossdeck-identify-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    ((ThreadPoolExecutor) async).allowCoreThreadTimeOut(true);
  }

  /** Links the identifiers, synchronously. */
  public AliasResult link(AliasRequest request) {
    byte[] body = encode(check(request));
    JsonNode response =
        DirectCall.jsonOf(api.post(ApiContract.ALIAS_PATH, new JsonBody(body), null));
    return parse(response);
  }

  /**
   * Links the identifiers on a background thread. Invalid arguments still fail the future before
   * any request; when the backlog is full the future fails with {@code client_busy}.
   */
  public CompletableFuture<AliasResult> linkAsync(AliasRequest request) {
    CompletableFuture<AliasResult> result = new CompletableFuture<>();
    try {
      byte[] body = encode(check(request));
      async.execute(
          () -> {
            try {
              result.complete(
                  parse(
                      DirectCall.jsonOf(
                          api.post(ApiContract.ALIAS_PATH, new JsonBody(body), null))));
            } catch (Throwable e) {
              result.completeExceptionally(e);
            }
          });
    } catch (CrossdeckException e) {
      result.completeExceptionally(e);
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(
          new CrossdeckException(
              ErrorCodes.TYPE_INVALID_REQUEST,
              "client_busy",
              "Too many identify calls are waiting (" + ASYNC_BACKLOG + "); try again later."));
    }
    return result;
  }

  /** Stops the background threads. */
  public void close() {
    async.shutdown();
  }

  private static AliasRequest check(AliasRequest request) {
    if (request == null || isBlank(request.userId())) {
      throw new CrossdeckException(
          ErrorCodes.TYPE_INVALID_REQUEST,
          ErrorCodes.MISSING_USER_ID,
          "identify requires a userId (your application's stable user id); it was blank.");
    }
    if (isBlank(request.anonymousId()) && isBlank(request.crossdeckCustomerId())) {
      throw new CrossdeckException(
          ErrorCodes.TYPE_INVALID_REQUEST,
          ErrorCodes.MISSING_ANONYMOUS_ID,
          "identify requires an anonymousId (or, to merge accounts, a crossdeckCustomerId); it"
              + " was blank.");
    }
    requireLength("userId", request.userId());
    requireLength("anonymousId", request.anonymousId());
    requireLength("crossdeckCustomerId", request.crossdeckCustomerId());
    return request;
  }

  private static void requireLength(String field, String value) {
    if (value != null && value.length() > ApiContract.MAX_ID_CHARS) {
      throw CrossdeckException.builder(ErrorCodes.TYPE_INVALID_REQUEST, ErrorCodes.INVALID_IDENTITY)
          .message(
              field
                  + " is "
                  + value.length()
                  + " characters; the limit is "
                  + ApiContract.MAX_ID_CHARS
                  + ".")
          .param(field)
          .build();
    }
  }

  private byte[] encode(AliasRequest request) {
    JsonWriter out = new JsonWriter(256);
    out.raw((byte) '{');
    boolean first = out.optionalMember("userId", request.userId(), true);
    first = out.optionalMember("anonymousId", request.anonymousId(), first);
    first = out.optionalMember("crossdeckCustomerId", request.crossdeckCustomerId(), first);
    first = out.optionalMember("email", request.traits().email(), first);
    if (!request.traits().attributes().isEmpty()) {
      if (!first) {
        out.raw((byte) ',');
      }
      out.raw(JsonWriter.quoted("traits"));
      out.raw((byte) ':');
      out.raw(encoder.forCurrentThread().encodeProperties(request.traits().attributes()));
    }
    out.raw((byte) '}');
    return out.toByteArray();
  }

  private static AliasResult parse(JsonNode body) {
    List<AliasResult.LinkedIdentifier> linked = new ArrayList<>();
    for (JsonNode item : body.path("linked")) {
      linked.add(
          new AliasResult.LinkedIdentifier(
              item.path("type").asText(null), item.path("id").asText(null)));
    }
    return new AliasResult(
        body.path("crossdeckCustomerId").asText(null),
        linked,
        body.path("mergePending").asBoolean(false),
        body.path("env").asText(null));
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
