package com.crossdeck.sample;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Crossdeck sample: a small subscription product whose server tracks the events a browser
 * cannot see. Each scenario lives in its own package; {@code README.md} says which class to read.
 *
 * <p>With no {@code crossdeck.secret-key} the starter runs an embedded Crossdeck emulator and
 * prints the address of its timeline page.
 */
@SpringBootApplication
@EnableScheduling
public class SampleApplication {

  /** Starts the sample. */
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }

  /** Time, injected so tests can mint expired links and fix renewal dates. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
