package com.crossdeck.benchmarks.report;

import com.crossdeck.benchmarks.sdk.Sdk;
import java.util.Map;

/**
 * The metrics of one (scenario, SDK, round).
 *
 * @param scenario the scenario's name
 * @param sdk the SDK
 * @param round the round, from 1
 * @param values metric values by key; NaN when the thing measured never happened
 */
public record Measurement(String scenario, Sdk sdk, int round, Map<String, Double> values) {}
