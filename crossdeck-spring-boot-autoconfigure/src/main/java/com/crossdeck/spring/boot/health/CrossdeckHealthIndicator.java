package com.crossdeck.spring.boot.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code crossdeck} health component on Spring Boot 4's health API ({@code
 * spring-boot-health}): shows the {@link CrossdeckHealthReport}. Spring Boot 3 applications get the
 * same report through {@code crossdeck-spring-boot3-autoconfigure}, which the starter brings.
 */
public final class CrossdeckHealthIndicator implements HealthIndicator {

  private final CrossdeckHealthReport report;

  /**
   * Creates the indicator.
   *
   * @param report what it shows
   */
  public CrossdeckHealthIndicator(CrossdeckHealthReport report) {
    this.report = report;
  }

  @Override
  public Health health() {
    CrossdeckHealthReport.Snapshot snapshot = report.read();
    return (snapshot.up() ? Health.up() : Health.down()).withDetails(snapshot.details()).build();
  }
}
