package com.crossdeck.benchmarks.startup.app;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.context.event.EventListener;
import org.springframework.core.metrics.StartupStep;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A minimal Spring Boot MVC application: one controller and the actuator. The startup benchmark
 * starts it in a fresh JVM, with and without the Crossdeck starter on its classpath; once ready it
 * prints {@code READY <JVM uptime ms> <resident set KiB> <process CPU ms> <main thread CPU ms>} and
 * exits (the main thread runs the whole startup sequence, and this listener runs on it). With
 * {@code -Dstartup.profile=true} it also records Spring's startup steps and prints the time spent
 * creating each Crossdeck bean ({@code BEAN <ms> <name>}).
 */
@SpringBootApplication
@RestController
public class MinimalApp {

  private static BufferingApplicationStartup steps;

  /** Starts the app. */
  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(MinimalApp.class);
    if (Boolean.getBoolean("startup.profile")) {
      steps = new BufferingApplicationStartup(100_000);
      app.setApplicationStartup(steps);
    }
    app.run(args);
  }

  @GetMapping("/")
  String hello() {
    return "hello";
  }

  @EventListener(ApplicationReadyEvent.class)
  void ready() throws IOException {
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    long mainCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
    long processCpu =
        ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class).getProcessCpuTime()
            / 1_000_000;
    if (steps != null) {
      printCrossdeckBeans();
    }
    System.out.println("READY " + uptime + " " + residentKib() + " " + processCpu + " " + mainCpu);
    System.out.flush();
    System.exit(0);
  }

  /** The resident set of this process, from the kernel; -1 where /proc is absent. */
  private static long residentKib() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  /** Bean-creation steps of Crossdeck beans, longest first; each includes what the bean needs. */
  private static void printCrossdeckBeans() {
    steps.getBufferedTimeline().getEvents().stream()
        .filter(event -> event.getStartupStep().getName().equals("spring.beans.instantiate"))
        .sorted(Comparator.comparing(event -> event.getDuration().negated()))
        .forEach(
            event -> {
              StartupStep step = event.getStartupStep();
              String bean = null;
              for (StartupStep.Tag tag : step.getTags()) {
                if (tag.getKey().equals("beanName")) {
                  bean = tag.getValue();
                }
              }
              if (bean != null && bean.toLowerCase().contains("crossdeck")) {
                System.out.println("BEAN " + event.getDuration().toMillis() + " " + bean);
              }
            });
  }
}
