package com.crossdeck.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJackson2ObjectMapper;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class Jackson2EndpointMapperDefaultTests {

  private static final String JACKSON2 = "com.fasterxml.jackson.databind.ObjectMapper";
  private static final String JACKSON3 = "tools.jackson.databind.json.JsonMapper";
  private static final String ENDPOINT_JACKSON2_MAPPER =
      "org.springframework.boot.actuate.autoconfigure.endpoint.jackson"
          + ".Jackson2EndpointAutoConfiguration";
  private static final String BOOT_JACKSON2_SUPPORT =
      "org.springframework.boot.jackson2.autoconfigure.Jackson2AutoConfiguration";

  @Test
  void anApplicationOnJackson3StartsWithoutTheActuatorsJackson2Mapper() {
    try (ConfigurableApplicationContext context = start()) {
      assertThat(context.getBeansOfType(EndpointJackson2ObjectMapper.class)).isEmpty();
      assertThat(context.getBeansOfType(EndpointJsonMapper.class)).hasSize(1);
      assertThat(
              context
                  .getEnvironment()
                  .getPropertySources()
                  .contains(Jackson2EndpointMapperDefault.PROPERTY_SOURCE))
          .isTrue();
    }
  }

  @Test
  void anApplicationThatAsksForTheJackson2MapperGetsIt() {
    try (ConfigurableApplicationContext context =
        start("--" + Jackson2EndpointMapperDefault.PROPERTY + "=true")) {
      assertThat(context.getBeansOfType(EndpointJackson2ObjectMapper.class)).hasSize(1);
      assertThat(
              context
                  .getEnvironment()
                  .getPropertySources()
                  .contains(Jackson2EndpointMapperDefault.PROPERTY_SOURCE))
          .isFalse();
    }
  }

  @Test
  void leavesSpringBootsDefaultToAnApplicationThatChoseJackson2Support() {
    StandardEnvironment environment = new StandardEnvironment();

    postProcess(
        environment, Set.of(ENDPOINT_JACKSON2_MAPPER, JACKSON2, JACKSON3, BOOT_JACKSON2_SUPPORT));

    assertThat(environment.containsProperty(Jackson2EndpointMapperDefault.PROPERTY)).isFalse();
  }

  @Test
  void leavesTheEnvironmentAloneWithoutJackson3() {
    StandardEnvironment environment = new StandardEnvironment();

    postProcess(environment, Set.of(ENDPOINT_JACKSON2_MAPPER, JACKSON2));

    assertThat(environment.containsProperty(Jackson2EndpointMapperDefault.PROPERTY)).isFalse();
  }

  @Test
  void keepsAValueTheApplicationSetInRelaxedForm() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "application",
                Map.of("management.endpoints.jackson2.isolatedObjectMapper", "true")));

    postProcess(environment, Set.of(ENDPOINT_JACKSON2_MAPPER, JACKSON2, JACKSON3));

    assertThat(
            environment
                .getPropertySources()
                .contains(Jackson2EndpointMapperDefault.PROPERTY_SOURCE))
        .isFalse();
  }

  private static void postProcess(StandardEnvironment environment, Set<String> presentClasses) {
    new Jackson2EndpointMapperDefault(presentClasses::contains)
        .postProcessEnvironment(environment, new SpringApplication());
  }

  private static ConfigurableApplicationContext start(String... args) {
    return new SpringApplicationBuilder(Application.class)
        .web(WebApplicationType.NONE)
        .properties("crossdeck.enabled=false", "spring.main.banner-mode=off")
        .run(args);
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Application {}
}
