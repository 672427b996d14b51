package com.crossdeck.benchmarks.startup;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One classpath of the minimal Spring Boot app of module {@code startup-app}. */
enum AppVariant {
  /** The app as it is without the starter. */
  WITHOUT("without the Crossdeck starter", "without", jar -> true),
  /**
   * The starter's dependencies (the client's OkHttp, Kotlin and Jackson 2, context-propagation)
   * without a Crossdeck jar: what they alone change in how Spring Boot starts.
   */
  DEPENDENCIES_ONLY(
      "with the starter's dependencies but no Crossdeck jar",
      "with",
      jar -> !jar.getFileName().toString().startsWith("crossdeck-")),
  /** The app with the starter. */
  WITH("with the Crossdeck starter", "with", jar -> true);

  private final String label;
  private final String libraries;
  private final Predicate<Path> jars;

  AppVariant(String label, String libraries, Predicate<Path> jars) {
    this.label = label;
    this.libraries = libraries;
    this.jars = jars;
  }

  /** How result tables name the variant. */
  String label() {
    return label;
  }

  /** The classpath of this variant of the packaged app in {@code app}. */
  String classPath(Path app) throws IOException {
    Path lib = app.resolve("target/lib").resolve(libraries);
    if (!Files.isDirectory(lib)) {
      throw new IllegalStateException(
          lib + " is missing: package the startup app first (see the module's README)");
    }
    try (Stream<Path> all = Files.list(lib)) {
      return Stream.concat(Stream.of(app.resolve("target/classes")), all.filter(jars).sorted())
          .map(Path::toString)
          .collect(Collectors.joining(File.pathSeparator));
    }
  }
}
