package com.crossdeck.spring.boot.autoconfigure;

import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * On Spring Boot 4, keeps the client's Jackson 2 from costing the application's startup a JSON
 * mapper nothing uses.
 *
 * <p>The client reads JSON with Jackson 2, so the starter puts it on the classpath of applications
 * that use Jackson 3. Spring Boot 4's actuator reacts to its presence by building a separate,
 * deprecated Jackson 2 mapper for endpoint responses ({@code jackson2EndpointJsonMapper}) at every
 * start: hundreds of classes and a large share of what the starter would otherwise add to startup
 * time. With Jackson 3 present and Spring Boot's Jackson 2 support ({@code spring-boot-jackson2})
 * absent, no HTTP message converter or codec uses Jackson 2, so that mapper serializes nothing:
 * endpoints are written with Jackson 3 either way. In that case only, and only when the application
 * has not set it, this defaults {@code management.endpoints.jackson2.isolated-object-mapper} to
 * {@code false}, in a property source of its own at the lowest precedence. An application that
 * chose Jackson 2 keeps Spring Boot's default; so does one that sets the property.
 *
 * <p>Registered for Spring Boot 4's {@link EnvironmentPostProcessor} only: Spring Boot 3 uses
 * Jackson 2 itself and never reads this registration.
 */
final class Jackson2EndpointMapperDefault implements EnvironmentPostProcessor, Ordered {

  static final String PROPERTY = "management.endpoints.jackson2.isolated-object-mapper";

  static final String PROPERTY_SOURCE = "crossdeckJackson2EndpointMapperDefault";

  static final String JACKSON2 = "com.fasterxml.jackson.databind.ObjectMapper";
  static final String JACKSON3 = "tools.jackson.databind.json.JsonMapper";
  static final String BOOT_JACKSON2_SUPPORT =
      "org.springframework.boot.jackson2.autoconfigure.Jackson2AutoConfiguration";
  static final String ENDPOINT_JACKSON2_MAPPER =
      "org.springframework.boot.actuate.autoconfigure.endpoint.jackson"
          + ".Jackson2EndpointAutoConfiguration";

  private final @Nullable Predicate<String> classPresent;

  /** As Spring Boot creates it: classes looked up by the application's class loader. */
  Jackson2EndpointMapperDefault() {
    this(null);
  }

  /**
   * @param classPresent whether a class of the given name is on the application's classpath; null
   *     for the application's class loader
   */
  Jackson2EndpointMapperDefault(@Nullable Predicate<String> classPresent) {
    this.classPresent = classPresent;
  }

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Predicate<String> present =
        classPresent != null
            ? classPresent
            : name -> ClassUtils.isPresent(name, application.getClassLoader());
    if (present.test(ENDPOINT_JACKSON2_MAPPER)
        && present.test(JACKSON2)
        && present.test(JACKSON3)
        && !present.test(BOOT_JACKSON2_SUPPORT)
        && !Binder.get(environment).bind(PROPERTY, Boolean.class).isBound()) {
      environment
          .getPropertySources()
          .addLast(new MapPropertySource(PROPERTY_SOURCE, Map.of(PROPERTY, false)));
    }
  }

  /** After the application's own configuration is loaded, so that its setting is seen. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
