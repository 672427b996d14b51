package com.crossdeck.client.internal.errors;

import java.util.List;

/**
 * Decides whether a stack frame belongs to the application or to the JDK, a library, a framework or
 * this SDK, so that error reports can point at the application's own code.
 *
 * <p>A class is in-app when its name starts with one of {@link #inAppPrefixes()}. Otherwise it is
 * not in-app when its name starts with one of {@link #libraryPrefixes()}. Any other class is in-app
 * only when no in-app prefixes were configured: naming the application's packages means "only these
 * are mine", while the default treats everything that is not a known library as the application's.
 * Immutable and thread-safe.
 *
 * @param inAppPrefixes class-name prefixes of the application's own code, for example {@code
 *     com.acme.}; empty to rely on {@code libraryPrefixes} alone
 * @param libraryPrefixes class-name prefixes of code that is not the application's
 */
public record InAppClassifier(List<String> inAppPrefixes, List<String> libraryPrefixes) {

  /**
   * The JDK, common JVM languages, frameworks and libraries, and this SDK itself: its frames are
   * never the cause of the caller's error (contract §j.4: frames inside the SDK are denied).
   */
  public static final List<String> DEFAULT_LIBRARY_PREFIXES =
      List.of(
          "java.",
          "javax.",
          "jakarta.",
          "jdk.",
          "sun.",
          "com.sun.",
          "kotlin.",
          "kotlinx.",
          "scala.",
          "groovy.",
          "org.springframework.",
          "org.apache.",
          "org.eclipse.jetty.",
          "io.netty.",
          "io.undertow.",
          "org.glassfish.",
          "org.hibernate.",
          "com.zaxxer.hikari.",
          "reactor.",
          "io.micrometer.",
          "io.opentelemetry.",
          "okhttp3.",
          "okio.",
          "com.fasterxml.jackson.",
          "com.google.common.",
          "com.google.gson.",
          "com.google.protobuf.",
          "org.slf4j.",
          "ch.qos.logback.",
          "org.junit.",
          "org.mockito.",
          "net.bytebuddy.",
          "org.aspectj.",
          "com.crossdeck.client.");

  /** Copies both lists, which must not contain nulls. */
  public InAppClassifier {
    inAppPrefixes = List.copyOf(inAppPrefixes);
    libraryPrefixes = List.copyOf(libraryPrefixes);
  }

  /** A classifier with no in-app prefixes and the {@link #DEFAULT_LIBRARY_PREFIXES}. */
  public static InAppClassifier defaults() {
    return new InAppClassifier(List.of(), DEFAULT_LIBRARY_PREFIXES);
  }

  /**
   * Whether frames of {@code className} are the application's own code.
   *
   * @param className a binary class name, as in {@link StackTraceElement#getClassName()}
   * @return {@code true} for the application's code, {@code false} for a library's
   */
  public boolean isInApp(String className) {
    if (startsWithAny(className, inAppPrefixes)) {
      return true;
    }
    return !startsWithAny(className, libraryPrefixes) && inAppPrefixes.isEmpty();
  }

  private static boolean startsWithAny(String className, List<String> prefixes) {
    for (String prefix : prefixes) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
