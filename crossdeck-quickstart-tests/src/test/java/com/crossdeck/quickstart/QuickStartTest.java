package com.crossdeck.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** How the README's quick start is read, and what the README holds. */
class QuickStartTest {

  private static final Path README = Path.of("../README.md");

  @Test
  void findsEverySnippetTheFreshApplicationNeedsInTheReadme() {
    QuickStart readme = QuickStart.read(README);

    assertThat(readme.dependencies())
        .contains("<artifactId>crossdeck-spring-boot-starter</artifactId>")
        .contains("<artifactId>crossdeck-emulator</artifactId>")
        .contains("<scope>test</scope>");
    assertThat(readme.files())
        .containsOnlyKeys(
            "src/main/resources/application.yml",
            "src/main/java/com/example/demo/CheckoutController.java",
            "src/main/java/com/example/demo/CartController.java",
            "src/test/java/com/example/demo/TestDemoApplication.java");
    assertThat(readme.files().get("src/main/resources/application.yml"))
        .contains("secret-key: ${CROSSDECK_SECRET_KEY}", "include: health,metrics");
    assertThat(readme.files().get("src/test/java/com/example/demo/TestDemoApplication.java"))
        .contains("SpringApplication.from(DemoApplication::main).run(args)");
    assertThat(readme.run("checkout")).singleElement().satisfies(c -> c.line().startsWith("curl"));
    assertThat(readme.run("watch")).hasSize(2);
    assertThat(readme.logLines()).hasSize(2);
  }

  @Test
  void readsCommandsWithTheOutputShownUnderEach() {
    QuickStart readme =
        QuickStart.parse(
            """
            <!-- quickstart: pom.xml dependencies -->
            ```xml
            <dependency/>
            ```

            <!-- quickstart: run both -->
            ```bash
            curl -s localhost:8080/a
            # first … line
            curl -s localhost:8080/b
            ```
            """);

    assertThat(readme.run("both"))
        .extracting(QuickStart.Command::line)
        .containsExactly("curl -s localhost:8080/a", "curl -s localhost:8080/b");
    assertThat(readme.run("both").get(0).output().pieces()).containsExactly("first", "line");
    assertThat(readme.run("both").get(1).output().pieces()).isEmpty();
  }

  @Test
  void refusesAMarkerWithoutACodeBlock() {
    assertThatThrownBy(() -> QuickStart.parse("<!-- quickstart: log -->\nno block\n"))
        .hasMessageContaining("No code block after <!-- quickstart: log -->");
  }

  @Test
  void matchesShortenedJsonWhateverTheFieldOrder() {
    ExpectedOutput expected = ExpectedOutput.of("{…\"mode\":\"emulator\",…\"status\":\"UP\"…}");

    assertThat(expected.isIn("{\"status\":\"UP\",\"details\":{\"mode\":\"emulator\"}}")).isTrue();
    assertThat(expected.isIn("{\"details\":{\"mode\":\"emulator\"},\"status\":\"UP\"}")).isTrue();
    assertThat(expected.isIn("{\"details\":{\"mode\":\"live\"},\"status\":\"UP\"}")).isFalse();
  }
}
