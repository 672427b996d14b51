package com.crossdeck.benchmarks.report;

import java.util.List;

/**
 * How one scenario's results are presented.
 *
 * @param scenario the scenario's name, matching {@link Measurement#scenario()}
 * @param title the heading
 * @param meaning what the scenario does and what each number means, in Markdown
 * @param columns the metrics shown, in order
 */
public record Table(String scenario, String title, String meaning, List<Column> columns) {}
