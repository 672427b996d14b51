package com.crossdeck.quickstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A new application as a user starts one: start.spring.io's project for a Spring Boot line (Spring
 * Web and Actuator) plus the README's quick-start snippets, in its own directory, built by its own
 * Maven with a settings file of its own.
 */
final class FreshApp {

  /** The Spring Boot lines the quick start promises, with the web starter each one names. */
  enum BootLine {
    BOOT_4("quickstart.spring-boot4-version", "spring-boot-starter-webmvc"),
    BOOT_3_5("quickstart.spring-boot3-version", "spring-boot-starter-web");

    private final String versionProperty;
    private final String webStarter;

    BootLine(String versionProperty, String webStarter) {
      this.versionProperty = versionProperty;
      this.webStarter = webStarter;
    }

    String version() {
      return QuickStartEnvironment.required(versionProperty);
    }
  }

  private final Path directory;
  private final Path settings;

  private FreshApp(Path directory, Path settings) {
    this.directory = directory;
    this.settings = settings;
  }

  /**
   * Writes the application into {@code directory}, replacing what an earlier run left there.
   *
   * @param repository the application's local repository, holding this build's artifacts
   * @param hostRepository the local repository of the build running the test, read as a {@code
   *     file://} repository so that the application does not download again what it holds
   */
  static FreshApp create(
      Path directory, BootLine line, QuickStart readme, Path repository, Path hostRepository) {
    try {
      deleteRecursively(directory);
      Files.createDirectories(directory);
      write(
          directory.resolve("pom.xml"),
          resource("pom.xml")
              .replace("@spring-boot.version@", line.version())
              .replace("@spring-web-starter@", line.webStarter)
              .replace("@readme-dependencies@", indent(readme.dependencies(), "    ")));
      write(
          directory.resolve("src/main/java/com/example/demo/DemoApplication.java"),
          resource("DemoApplication.java"));
      for (Map.Entry<String, String> file : readme.files().entrySet()) {
        write(directory.resolve(file.getKey()), file.getValue());
      }
      Path settings = directory.resolve("settings.xml");
      write(settings, settings(repository, hostRepository));
      return new FreshApp(directory, settings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the application is. */
  Path directory() {
    return directory;
  }

  /** A {@code mvn} command line for this application, with its own settings. */
  List<String> mvn(Path mavenHome, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(mavenHome.resolve("bin/mvn").toString());
    command.add("-B");
    command.add("-s");
    command.add(settings.toString());
    command.addAll(List.of(arguments));
    return command;
  }

  private static String settings(Path repository, Path hostRepository) {
    String host = hostRepository.toUri().toString();
    String repositoryXml =
        "<id>host-repository</id><url>"
            + host
            + "</url><releases><enabled>true</enabled></releases>"
            + "<snapshots><enabled>false</enabled></snapshots>";
    return "<settings>\n"
        + "  <localRepository>"
        + repository
        + "</localRepository>\n"
        + "  <profiles><profile><id>host-repository</id>\n"
        + "    <repositories><repository>"
        + repositoryXml
        + "</repository></repositories>\n"
        + "    <pluginRepositories><pluginRepository>"
        + repositoryXml
        + "</pluginRepository></pluginRepositories>\n"
        + "  </profile></profiles>\n"
        + "  <activeProfiles><activeProfile>host-repository</activeProfile></activeProfiles>\n"
        + "</settings>\n";
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = FreshApp.class.getResourceAsStream("/fresh-app/" + name)) {
      if (in == null) {
        throw new IllegalStateException("Missing test resource fresh-app/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String indent(String text, String prefix) {
    return text.lines().map(line -> prefix + line).reduce((a, b) -> a + "\n" + b).orElse("");
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(path);
      }
    }
  }
}
