package com.crossdeck.client.internal.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.StackFrame;
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
  void describesEachFrameInTheReferenceShape() {
    ErrorReport report = report(new IllegalStateException("boom"));

    StackFrame top = report.frames().get(0);
    assertThat(top.function())
        .isEqualTo(ErrorReportTest.class.getName() + ".describesEachFrameInTheReferenceShape");
    assertThat(top.filename()).isEqualTo("ErrorReportTest.java");
    assertThat(top.lineno()).isPositive();
    assertThat(top.colno()).isZero();
    assertThat(top.inApp()).isTrue();
    assertThat(top.raw()).startsWith("at " + top.function() + "(ErrorReportTest.java:");
  }

  @Test
  void marksLibraryFramesAsNotInApp() {
    ErrorReport report = report(new IllegalStateException("boom"));

    assertThat(report.frames())
        .filteredOn(frame -> frame.function().startsWith("org.junit."))
        .isNotEmpty()
        .noneMatch(StackFrame::inApp);
  }

  @Test
  void sendsAnUnknownFileAsEmptyAndAnUnknownLineAsZero() {
    RuntimeException error = new RuntimeException("boom");
    error.setStackTrace(new StackTraceElement[] {new StackTraceElement("a.B", "c", null, -2)});

    assertThat(report(error).frames().get(0))
        .isEqualTo(new StackFrame("a.B.c", "", 0, 0, false, "at a.B.c(Native Method)"));
  }

  @Test
  void keepsTheTopFrames() {
    RuntimeException error = new RuntimeException("boom");
    error.setStackTrace(
        IntStream.range(0, 80)
            .mapToObj(i -> new StackTraceElement("a.Frame" + i, "call", "Frame.java", i + 1))
            .toArray(StackTraceElement[]::new));

    ErrorReport report = report(error);

    assertThat(report.frames()).hasSize(ErrorReport.MAX_FRAMES);
    assertThat(report.frames().get(0).function()).isEqualTo("a.Frame0.call");
  }

  @Test
  void printsTheStackAsJavaDoesCutTo1024Characters() {
    RuntimeException shallow = new RuntimeException("boom");
    shallow.setStackTrace(new StackTraceElement[] {new StackTraceElement("a.B", "c", "B.java", 7)});
    RuntimeException deep = new RuntimeException("boom");
    deep.setStackTrace(
        IntStream.range(0, 80)
            .mapToObj(i -> new StackTraceElement("a.Frame" + i, "call", "Frame.java", i + 1))
            .toArray(StackTraceElement[]::new));

    assertThat(report(shallow).stack())
        .isEqualTo("java.lang.RuntimeException: boom\n\tat a.B.c(B.java:7)");
    assertThat(report(deep).stack())
        .hasSize(ErrorReport.MAX_STACK_LENGTH)
        .startsWith("java.lang.RuntimeException: boom\n\tat a.Frame0.call(Frame.java:1)")
        .endsWith("…");
  }

  @Test
  void summarizesTheCauseChainOutermostFirstInTheReferenceExtrasShape() {
    RuntimeException error =
        new RuntimeException(
            "checkout failed", new IllegalStateException("payment failed", new Error()));

    assertThat(report(error).causes())
        .containsExactly(
            Map.of("name", "java.lang.IllegalStateException", "message", "payment failed"),
            Map.of("name", "java.lang.Error", "message", "java.lang.Error"));
  }

  @Test
  void boundsALongCauseChain() {
    Throwable error = new RuntimeException("level 0");
    for (int level = 1; level <= 20; level++) {
      error = new RuntimeException("level " + level, error);
    }

    assertThat(report(error).causes())
        .hasSize(ErrorReport.MAX_CAUSES)
        .extracting(cause -> cause.get("message"))
        .containsExactly("level 19", "level 18", "level 17", "level 16", "level 15");
  }

  @Test
  void stopsAtACycleInTheCauseChain() {
    RuntimeException outer = new RuntimeException("outer");
    RuntimeException inner = new RuntimeException("inner");
    outer.initCause(inner);
    inner.initCause(outer);

    assertThat(report(outer).causes())
        .containsExactly(Map.of("name", "java.lang.RuntimeException", "message", "inner"));
  }

  @Test
  void truncatesCauseMessagesToTheirShorterMaximum() {
    RuntimeException error = new RuntimeException("boom", new RuntimeException("y".repeat(1000)));

    assertThat((String) report(error).causes().get(0).get("message"))
        .hasSize(ErrorReport.MAX_CAUSE_MESSAGE_LENGTH)
        .endsWith("…");
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
