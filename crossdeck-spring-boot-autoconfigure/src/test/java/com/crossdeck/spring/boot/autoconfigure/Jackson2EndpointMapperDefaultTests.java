package com.crossdeck.spring.boot.autoconfigure;

import static com.crossdeck.spring.boot.autoconfigure.Jackson2EndpointMapperDefault.BOOT_JACKSON2_SUPPORT;
import static com.crossdeck.spring.boot.autoconfigure.Jackson2EndpointMapperDefault.ENDPOINT_JACKSON2_MAPPER;
import static com.crossdeck.spring.boot.autoconfigure.Jackson2EndpointMapperDefault.JACKSON2;
import static com.crossdeck.spring.boot.autoconfigure.Jackson2EndpointMapperDefault.JACKSON3;
import static com.crossdeck.spring.boot.autoconfigure.Jackson2EndpointMapperDefault.PROPERTY;
import static com.crossdeck.spring.boot.autoconfigure.Jackson2EndpointMapperDefault.PROPERTY_SOURCE;
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

  @Test
  void anApplicationOnJackson3StartsWithoutTheActuatorsJackson2Mapper() {
    try (ConfigurableApplicationContext context = start()) {
      assertThat(context.getBeansOfType(EndpointJackson2ObjectMapper.class)).isEmpty();
      assertThat(context.getBeansOfType(EndpointJsonMapper.class)).hasSize(1);
      assertThat(context.getEnvironment().getPropertySources().contains(PROPERTY_SOURCE)).isTrue();
    }
  }

  @Test
  void anApplicationThatAsksForTheJackson2MapperGetsIt() {
    try (ConfigurableApplicationContext context = start("--" + PROPERTY + "=true")) {
      assertThat(context.getBeansOfType(EndpointJackson2ObjectMapper.class)).hasSize(1);
      assertThat(context.getEnvironment().getPropertySources().contains(PROPERTY_SOURCE)).isFalse();
    }
  }

  @Test
  void leavesSpringBootsDefaultToAnApplicationThatChoseJackson2Support() {
    StandardEnvironment environment = new StandardEnvironment();

    postProcess(
        environment, Set.of(ENDPOINT_JACKSON2_MAPPER, JACKSON2, JACKSON3, BOOT_JACKSON2_SUPPORT));

    assertThat(environment.containsProperty(PROPERTY)).isFalse();
  }

  @Test
  void leavesTheEnvironmentAloneWithoutJackson3() {
    StandardEnvironment environment = new StandardEnvironment();

    postProcess(environment, Set.of(ENDPOINT_JACKSON2_MAPPER, JACKSON2));

    assertThat(environment.containsProperty(PROPERTY)).isFalse();
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

    assertThat(environment.getPropertySources().contains(PROPERTY_SOURCE)).isFalse();
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
