/**
 * Durable delivery: the transactional outbox ({@link com.crossdeck.client.outbox.OutboxOptions})
 * and the way it joins the application's transactions ({@link
 * com.crossdeck.client.outbox.OutboxTransactions}).
 */
package com.crossdeck.client.outbox;
