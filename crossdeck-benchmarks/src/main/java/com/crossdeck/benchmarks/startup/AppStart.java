package com.crossdeck.benchmarks.startup;

/**
 * One start of the minimal Spring Boot app, as it reported itself when ready.
 *
 * @param readyMillis the JVM's uptime when the application was ready
 * @param mainCpuMillis CPU time of the main thread, which runs the whole startup sequence
 * @param processCpuMillis CPU time of the whole process: every thread, the JIT compilers and GC
 * @param residentMb the process's resident memory
 */
record AppStart(
    double readyMillis, double mainCpuMillis, double processCpuMillis, double residentMb) {

  /** The line the app prints when ready. */
  static final String READY = "READY ";

  /** Parses {@code READY <uptime ms> <resident KiB> <process CPU ms> <main thread CPU ms>}. */
  static AppStart parse(String line) {
    String[] fields = line.substring(READY.length()).trim().split(" ");
    return new AppStart(
        Double.parseDouble(fields[0]),
        Double.parseDouble(fields[3]),
        Double.parseDouble(fields[2]),
        Double.parseDouble(fields[1]) / 1024);
  }
}
