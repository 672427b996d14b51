package com.crossdeck.quickstart;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Output as a README shows it: the parts that vary (times, ids, other fields) are shortened to
 * {@code …}, and every other piece must appear in the real output. Pieces may come in any order,
 * since JSON field order differs between Spring Boot lines; the braces and commas around a piece
 * are not part of it.
 */
final class ExpectedOutput {

  private final List<String> pieces;

  private ExpectedOutput(List<String> pieces) {
    this.pieces = pieces;
  }

  /** The output a README shows, with {@code …} where it was shortened. */
  static ExpectedOutput of(String shown) {
    return new ExpectedOutput(
        Arrays.stream(shown.split("…"))
            .map(ExpectedOutput::trim)
            .filter(piece -> !piece.isEmpty())
            .toList());
  }

  private static String trim(String piece) {
    int start = 0;
    int end = piece.length();
    while (start < end && "{}, \t".indexOf(piece.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && "{}, \t".indexOf(piece.charAt(end - 1)) >= 0) {
      end--;
    }
    return piece.substring(start, end);
  }

  /** The pieces that must appear. */
  List<String> pieces() {
    return pieces;
  }

  /** The same pieces with each placeholder filled in, e.g. a port the README cannot know. */
  ExpectedOutput with(UnaryOperator<String> fill) {
    return new ExpectedOutput(pieces.stream().map(fill).toList());
  }

  /** Whether {@code actual} contains every piece. */
  boolean isIn(String actual) {
    return pieces.stream().allMatch(actual::contains);
  }

  @Override
  public String toString() {
    return String.join(" … ", pieces);
  }
}
