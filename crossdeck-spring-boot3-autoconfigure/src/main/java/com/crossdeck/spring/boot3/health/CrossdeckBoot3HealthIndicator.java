package com.crossdeck.spring.boot3.health;

import com.crossdeck.spring.boot.health.CrossdeckHealthReport;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code crossdeck} health component on Spring Boot 3's health API ({@code
 * org.springframework.boot.actuate.health}): shows the same {@link CrossdeckHealthReport} as the
 * Spring Boot 4 indicator.
 */
public final class CrossdeckBoot3HealthIndicator implements HealthIndicator {

  private final CrossdeckHealthReport report;

  /**
   * Creates the indicator.
   *
   * @param report what it shows
   */
  public CrossdeckBoot3HealthIndicator(CrossdeckHealthReport report) {
    this.report = report;
  }

  @Override
  public Health health() {
    CrossdeckHealthReport.Snapshot snapshot = report.read();
    return (snapshot.up() ? Health.up() : Health.down()).withDetails(snapshot.details()).build();
  }
}
