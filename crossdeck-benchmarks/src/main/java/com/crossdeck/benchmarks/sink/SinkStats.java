package com.crossdeck.benchmarks.sink;

/**
 * What a sink (or the emulator) saw during one run.
 *
 * @param requests ingest requests received, whatever the answer
 * @param received events in ingest requests that were processed (answered 2xx, or processed and
 *     then dropped), counting resends
 * @param unique distinct events among them (by {@code order_number}): the events "stored"
 * @param duplicates events stored more than once: {@code received - unique} for the raw sink, where
 *     nothing is deduplicated; for the emulator, stored events sharing an {@code order_number}
 * @param unavailable requests answered 503
 * @param rateLimited requests answered 429
 * @param droppedConnections requests processed and then left without a response
 * @param retryAfterChecks requests that followed a 429 and so were checked against its {@code
 *     Retry-After}
 * @param retryAfterViolations of those, requests that came before the advertised time
 * @param fullDeliveryMillis from the run's start to the moment the last expected event arrived, or
 *     -1 if they never all arrived
 * @param lastEventMillis from the run's start to the arrival of the last distinct event, or -1
 */
public record SinkStats(
    long requests,
    long received,
    long unique,
    long duplicates,
    long unavailable,
    long rateLimited,
    long droppedConnections,
    long retryAfterChecks,
    long retryAfterViolations,
    double fullDeliveryMillis,
    double lastEventMillis) {}
