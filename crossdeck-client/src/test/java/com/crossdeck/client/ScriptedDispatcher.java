package com.crossdeck.client;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Answers with the scripted responses in order, then with 202 for every later request. */
final class ScriptedDispatcher extends Dispatcher {

  private final Queue<MockResponse> script = new ConcurrentLinkedQueue<>();

  ScriptedDispatcher then(MockResponse response) {
    script.add(response);
    return this;
  }

  ScriptedDispatcher then(int status) {
    return then(new MockResponse.Builder().code(status).build());
  }

  ScriptedDispatcher thenError(int status, String type, String code) {
    return then(error(status, type, code, null, null));
  }

  static MockResponse error(int status, String type, String code, String param, Integer index) {
    String body =
        "{\"error\":{\"type\":\""
            + type
            + "\",\"code\":\""
            + code
            + "\",\"message\":\"rejected by test\""
            + (param == null ? "" : ",\"param\":\"" + param + "\"")
            + (index == null ? "" : ",\"index\":" + index)
            + ",\"request_id\":\"req_test\"}}";
    return new MockResponse.Builder().code(status).body(body).build();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    MockResponse next = script.poll();
    return next != null
        ? next
        : new MockResponse.Builder()
            .code(202)
            .body("{\"object\":\"list\",\"received\":1,\"env\":\"sandbox\"}")
            .build();
  }
}
