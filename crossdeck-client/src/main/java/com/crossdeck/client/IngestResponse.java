package com.crossdeck.client;

/**
 * The combined server answer to {@link CrossdeckServer#ingest}.
 *
 * @param received events the server accepted, across every request of the import
 * @param environment {@code production} or {@code sandbox}
 * @param requests how many HTTP requests the import took
 */
public record IngestResponse(long received, String environment, int requests) {}
