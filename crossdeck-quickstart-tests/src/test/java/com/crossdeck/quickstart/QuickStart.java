package com.crossdeck.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quick start's snippets, read from the README itself so that the README and the test cannot
 * drift apart. A snippet is the fenced code block right after a marker comment, invisible when the
 * README is rendered:
 *
 * <ul>
 *   <li>{@code <!-- quickstart: pom.xml dependencies -->}: the {@code <dependency>} elements;
 *   <li>{@code <!-- quickstart: src/main/resources/application.yml -->}: a file, by its path;
 *   <li>{@code <!-- quickstart: src/main/java -->} or {@code src/test/java}: a Java source file,
 *       placed by its package and class name;
 *   <li>{@code <!-- quickstart: run NAME -->}: commands, each followed by {@code # } lines with its
 *       expected output;
 *   <li>{@code <!-- quickstart: log -->}: a line the application logs.
 * </ul>
 */
final class QuickStart {

  private static final Pattern MARKER = Pattern.compile("<!-- quickstart: (.+?) -->");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
  private static final Pattern PUBLIC_CLASS = Pattern.compile("(?m)^public class (\\w+)");

  private final String dependencies;
  private final Map<String, String> files;
  private final Map<String, List<Command>> runs;
  private final List<ExpectedOutput> logLines;

  private QuickStart(
      String dependencies,
      Map<String, String> files,
      Map<String, List<Command>> runs,
      List<ExpectedOutput> logLines) {
    this.dependencies = dependencies;
    this.files = files;
    this.runs = runs;
    this.logLines = logLines;
  }

  /** Reads the snippets of the README at {@code readme}. */
  static QuickStart read(Path readme) {
    try {
      return parse(Files.readString(readme));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the snippets of a README's text. */
  static QuickStart parse(String readme) {
    List<String> lines = readme.lines().toList();
    String dependencies = null;
    Map<String, String> files = new LinkedHashMap<>();
    Map<String, List<Command>> runs = new LinkedHashMap<>();
    List<ExpectedOutput> logLines = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher marker = MARKER.matcher(lines.get(i).strip());
      if (!marker.matches()) {
        continue;
      }
      String kind = marker.group(1);
      String block = fencedBlockAfter(lines, i, kind);
      if (kind.equals("pom.xml dependencies")) {
        dependencies = block;
      } else if (kind.equals("src/main/java") || kind.equals("src/test/java")) {
        files.put(kind + "/" + javaPath(block), block);
      } else if (kind.startsWith("run ")) {
        runs.put(kind.substring("run ".length()), Command.parse(block));
      } else if (kind.equals("log")) {
        logLines.add(ExpectedOutput.of(block.strip()));
      } else {
        files.put(kind, block);
      }
    }
    if (dependencies == null) {
      throw new IllegalStateException(
          "The README has no <!-- quickstart: pom.xml dependencies -->");
    }
    return new QuickStart(dependencies, Map.copyOf(files), Map.copyOf(runs), List.copyOf(logLines));
  }

  private static String fencedBlockAfter(List<String> lines, int marker, String kind) {
    int open = marker + 1;
    while (open < lines.size() && lines.get(open).isBlank()) {
      open++;
    }
    if (open == lines.size() || !lines.get(open).startsWith("```")) {
      throw new IllegalStateException("No code block after <!-- quickstart: " + kind + " -->");
    }
    StringBuilder block = new StringBuilder();
    for (int i = open + 1; i < lines.size(); i++) {
      if (lines.get(i).startsWith("```")) {
        return block.toString();
      }
      block.append(lines.get(i)).append('\n');
    }
    throw new IllegalStateException("Unclosed code block after <!-- quickstart: " + kind + " -->");
  }

  private static String javaPath(String source) {
    Matcher pkg = PACKAGE.matcher(source);
    Matcher type = PUBLIC_CLASS.matcher(source);
    if (!pkg.find() || !type.find()) {
      throw new IllegalStateException(
          "A Java snippet needs a package and a public class:\n" + source);
    }
    return pkg.group(1).replace('.', '/') + "/" + type.group(1) + ".java";
  }

  /** The {@code <dependency>} elements of the dependency snippet. */
  String dependencies() {
    return dependencies;
  }

  /** Every other file, by its path in the project. */
  Map<String, String> files() {
    return files;
  }

  /** The commands of the {@code run NAME} snippet. */
  List<Command> run(String name) {
    List<Command> commands = runs.get(name);
    if (commands == null) {
      throw new IllegalStateException("The README has no <!-- quickstart: run " + name + " -->");
    }
    return commands;
  }

  /** The log lines the README shows, in its order. */
  List<ExpectedOutput> logLines() {
    return logLines;
  }

  /**
   * One shell command of a {@code run} snippet and what its output must contain.
   *
   * @param line the command, as the README shows it
   * @param output what the README shows after it
   */
  record Command(String line, ExpectedOutput output) {

    static List<Command> parse(String block) {
      List<Command> commands = new ArrayList<>();
      String line = null;
      StringBuilder expected = new StringBuilder();
      for (String text : block.lines().toList()) {
        if (text.startsWith("# ")) {
          expected.append(text.substring(2));
        } else if (!text.isBlank()) {
          if (line != null) {
            commands.add(new Command(line, ExpectedOutput.of(expected.toString())));
          }
          line = text;
          expected.setLength(0);
        }
      }
      if (line != null) {
        commands.add(new Command(line, ExpectedOutput.of(expected.toString())));
      }
      return List.copyOf(commands);
    }
  }
}
