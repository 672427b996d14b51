package com.crossdeck.client.internal.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ErrorReportTest {

  private static final InAppClassifier CLASSIFIER =
      new InAppClassifier(
          List.of(ErrorReportTest.class.getName()), InAppClassifier.DEFAULT_LIBRARY_PREFIXES);

  @Test
  void namesTheErrorByItsBinaryClassName() {
    assertThat(report(new Nested.Failure("boom")).errorType())
        .isEqualTo("com.crossdeck.client.internal.errors.ErrorReportTest$Nested$Failure");
  }

  @Test
  void keepsAMessageOfTheMaximumLength() {
    String message = "x".repeat(ErrorReport.MAX_MESSAGE_LENGTH);

    assertThat(report(new IllegalStateException(message)).message()).isEqualTo(message);
  }

  @Test
  void truncatesALongerMessageToTheMaximumLengthEndingInAnEllipsis() {
    String message = report(new IllegalStateException("x".repeat(5000))).message();

    assertThat(message).hasSize(ErrorReport.MAX_MESSAGE_LENGTH).endsWith("…");
    assertThat(message.substring(0, message.length() - 1)).matches("x+");
  }

  @Test
  void neverCutsASurrogatePairInHalf() {
    String text = "x".repeat(ErrorReport.MAX_MESSAGE_LENGTH - 2) + "😀😀";

    String message = ErrorReport.truncate(text, ErrorReport.MAX_MESSAGE_LENGTH);

    assertThat(message).hasSizeLessThanOrEqualTo(ErrorReport.MAX_MESSAGE_LENGTH).endsWith("x…");
  }

  @Test
  void usesTheTypeAsTheMessageWhenThereIsNone() {
    assertThat(report(new IllegalStateException()).message())
        .isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void describesEachFrameWithItsClassMethodFileLineAndInAppMark() {
    ErrorReport report = report(new IllegalStateException("boom"));

    assertThat(report.frames().get(0).toMap())
        .containsExactly(
            Map.entry("class", ErrorReportTest.class.getName()),
            Map.entry("method", "describesEachFrameWithItsClassMethodFileLineAndInAppMark"),
            Map.entry("file", "ErrorReportTest.java"),
            Map.entry("line", report.frames().get(0).lineNumber()),
            Map.entry("inApp", true));
  }

  @Test
  void marksLibraryFramesAsNotInApp() {
    ErrorReport report = report(new IllegalStateException("boom"));

    assertThat(report.frames())
        .filteredOn(frame -> frame.className().startsWith("org.junit."))
        .isNotEmpty()
        .noneMatch(ErrorReport.Frame::inApp);
  }

  @Test
  void leavesOutAnUnknownFileAndLine() {
    RuntimeException error = new RuntimeException("boom");
    error.setStackTrace(new StackTraceElement[] {new StackTraceElement("a.B", "c", null, -2)});

    assertThat(report(error).frames().get(0).toMap()).containsOnlyKeys("class", "method", "inApp");
  }

  @Test
  void keepsTheTopFramesAndCountsTheRest() {
    RuntimeException error = new RuntimeException("boom");
    error.setStackTrace(
        IntStream.range(0, 80)
            .mapToObj(i -> new StackTraceElement("a.Frame" + i, "call", "Frame.java", i + 1))
            .toArray(StackTraceElement[]::new));

    ErrorReport report = report(error);

    assertThat(report.frames()).hasSize(ErrorReport.MAX_FRAMES);
    assertThat(report.frames().get(0).className()).isEqualTo("a.Frame0");
    assertThat(report.framesOmitted()).isEqualTo(80 - ErrorReport.MAX_FRAMES);
  }

  @Test
  void summarizesTheCauseChainOutermostFirst() {
    RuntimeException error =
        new RuntimeException(
            "checkout failed", new IllegalStateException("payment failed", new Error()));

    assertThat(report(error).causes())
        .containsExactly(
            new ErrorReport.Cause("java.lang.IllegalStateException", "payment failed"),
            new ErrorReport.Cause("java.lang.Error", "java.lang.Error"));
  }

  @Test
  void boundsALongCauseChain() {
    Throwable error = new RuntimeException("level 0");
    for (int level = 1; level <= 20; level++) {
      error = new RuntimeException("level " + level, error);
    }

    assertThat(report(error).causes())
        .hasSize(ErrorReport.MAX_CAUSES)
        .extracting(ErrorReport.Cause::message)
        .containsExactly("level 19", "level 18", "level 17", "level 16", "level 15");
  }

  @Test
  void stopsAtACycleInTheCauseChain() {
    RuntimeException outer = new RuntimeException("outer");
    RuntimeException inner = new RuntimeException("inner");
    outer.initCause(inner);
    inner.initCause(outer);

    assertThat(report(outer).causes())
        .containsExactly(new ErrorReport.Cause("java.lang.RuntimeException", "inner"));
  }

  @Test
  void truncatesCauseMessagesToTheirShorterMaximum() {
    RuntimeException error = new RuntimeException("boom", new RuntimeException("y".repeat(1000)));

    assertThat(report(error).causes().get(0).message())
        .hasSize(ErrorReport.MAX_CAUSE_MESSAGE_LENGTH)
        .endsWith("…");
  }

  @Test
  void exposesItselfAsEventPropertiesInAFixedOrder() {
    RuntimeException error = new RuntimeException("boom", new IllegalStateException("cause"));
    error.setStackTrace(new StackTraceElement[] {new StackTraceElement("a.B", "c", "B.java", 7)});

    assertThat(report(error).toProperties())
        .containsExactly(
            Map.entry("errorType", "java.lang.RuntimeException"),
            Map.entry("message", "boom"),
            Map.entry(
                "frames",
                List.of(
                    Map.of(
                        "class", "a.B", "method", "c", "file", "B.java", "line", 7, "inApp",
                        false))),
            Map.entry("framesOmitted", 0),
            Map.entry(
                "causes",
                List.of(
                    Map.of("errorType", "java.lang.IllegalStateException", "message", "cause"))));
  }

  private static ErrorReport report(Throwable error) {
    return ErrorReport.of(error, CLASSIFIER);
  }

  private static final class Nested {
    static final class Failure extends RuntimeException {
      Failure(String message) {
        super(message);
      }
    }
  }
}
