package com.crossdeck.emulator.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestParserTest {

  private static final HttpLimits LIMITS =
      new HttpLimits(
          1,
          1,
          1024,
          10,
          16,
          64,
          1024,
          Duration.ofSeconds(1),
          Duration.ofSeconds(1),
          Duration.ofSeconds(1));

  private final RequestParser parser = new RequestParser(LIMITS, new BodyBudget(1024));

  private static ByteBuffer bytes(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private RequestParser.Progress feedByteByByte(String text) {
    RequestParser.Progress progress = RequestParser.Progress.NEED_MORE;
    for (char c : text.toCharArray()) {
      progress = parser.feed(bytes(String.valueOf(c)));
    }
    return progress;
  }

  @Test
  void parsesAChunkedBodyThatArrivesOneByteAtATime() {
    RequestParser.Progress progress =
        feedByteByByte(
            "POST /v1/events?env=sandbox HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n3\r\nabc\r\n0\r\nTrailer: x\r\n\r\n");

    assertThat(progress).isEqualTo(RequestParser.Progress.COMPLETE);
    HttpRequest request = parser.request();
    assertThat(request.path()).isEqualTo("/v1/events");
    assertThat(request.rawQuery()).isEqualTo("env=sandbox");
    assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("helloabc");
  }

  @Test
  void leavesThePipelinedNextRequestInTheBuffer() {
    ByteBuffer in = bytes("GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\n");

    assertThat(parser.feed(in)).isEqualTo(RequestParser.Progress.COMPLETE);
    assertThat(parser.request().path()).isEqualTo("/a");
    parser.reset();
    assertThat(parser.feed(in)).isEqualTo(RequestParser.Progress.COMPLETE);
    assertThat(parser.request().path()).isEqualTo("/b");
  }

  @Test
  void skipsABodyOverTheLimitAndFlagsIt() {
    assertThat(parser.feed(bytes("POST / HTTP/1.1\r\nContent-Length: 20\r\n\r\n" + "x".repeat(20))))
        .isEqualTo(RequestParser.Progress.COMPLETE);

    assertThat(parser.request().bodyTooLarge()).isTrue();
    assertThat(parser.request().body()).isEmpty();
    assertThat(parser.closeAfterResponse()).isFalse();
  }

  @Test
  void answersAnOversizedBodyAtOnceWhenTheClientWaitsFor100Continue() {
    assertThat(
            parser.feed(
                bytes("POST / HTTP/1.1\r\nContent-Length: 20\r\nExpect: 100-continue\r\n\r\n")))
        .isEqualTo(RequestParser.Progress.COMPLETE);

    assertThat(parser.request().bodyTooLarge()).isTrue();
    assertThat(parser.closeAfterResponse()).isTrue();
  }

  @Test
  void asksForTheBodyWith100ContinueOnlyOnce() {
    parser.feed(bytes("POST / HTTP/1.1\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n"));

    assertThat(parser.takeContinue()).isTrue();
    assertThat(parser.takeContinue()).isFalse();
    assertThat(parser.feed(bytes("{}"))).isEqualTo(RequestParser.Progress.COMPLETE);
  }

  @Test
  void refusesBothContentLengthAndTransferEncoding() {
    assertThat(
            parser.feed(
                bytes(
                    "POST / HTTP/1.1\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n")))
        .isEqualTo(RequestParser.Progress.REJECTED);
    assertThat(parser.rejection().status()).isEqualTo(400);
  }

  @Test
  void refusesContradictoryContentLengths() {
    assertThat(parser.feed(bytes("POST / HTTP/1.1\r\nContent-Length: 2, 3\r\n\r\n")))
        .isEqualTo(RequestParser.Progress.REJECTED);
  }

  @Test
  void refusesAFoldedHeaderLine() {
    assertThat(parser.feed(bytes("GET / HTTP/1.1\r\nX-A: 1\r\n  continued\r\n\r\n")))
        .isEqualTo(RequestParser.Progress.REJECTED);
  }

  @Test
  void refusesABareCarriageReturnInsideAHeaderValue() {
    assertThat(parser.feed(bytes("GET / HTTP/1.1\r\nX-A: 1\rX-B: 2\r\n\r\n")))
        .isEqualTo(RequestParser.Progress.REJECTED);
  }

  @Test
  void refusesMoreHeaderFieldsThanAllowedWith431() {
    assertThat(parser.feed(bytes("GET / HTTP/1.1\r\n" + "X-A: 1\r\n".repeat(11) + "\r\n")))
        .isEqualTo(RequestParser.Progress.REJECTED);
    assertThat(parser.rejection().status()).isEqualTo(431);
  }

  @Test
  void refusesAnotherHttpVersionWith505() {
    assertThat(parser.feed(bytes("GET / HTTP/2.0\r\n\r\n")))
        .isEqualTo(RequestParser.Progress.REJECTED);
    assertThat(parser.rejection().status()).isEqualTo(505);
  }

  @Test
  void refusesABodyTheSharedBudgetCannotHoldWith503() {
    RequestParser starved = new RequestParser(LIMITS, new BodyBudget(4));

    assertThat(starved.feed(bytes("POST / HTTP/1.1\r\nContent-Length: 8\r\n\r\n12345678")))
        .isEqualTo(RequestParser.Progress.REJECTED);
    assertThat(starved.rejection().status()).isEqualTo(503);
  }

  @Test
  void closesAfterAnHttp10RequestUnlessAskedToKeepAlive() {
    parser.feed(bytes("GET / HTTP/1.0\r\n\r\n"));
    assertThat(parser.closeAfterResponse()).isTrue();
    parser.reset();
    parser.feed(bytes("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
    assertThat(parser.closeAfterResponse()).isFalse();
  }
}
