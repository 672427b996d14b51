package com.crossdeck.client;

import java.time.Instant;

/**
 * One entry of Crossdeck's entitlement audit log ({@code GET /server/audit/{eventId}}, extended
 * contract §3.5). Optional fields are {@code null} when absent. Immutable.
 *
 * @param eventId the entry's id
 * @param rail {@code apple}, {@code stripe}, {@code google} or {@code manual}
 * @param environment {@code production} or {@code sandbox}
 * @param eventType what happened, for example {@code entitlement.granted_manually}
 * @param projectId the project
 * @param subscriptionId the subscription, or {@code null}
 * @param customerId the customer, or {@code null}
 * @param fromState the state before, or {@code null}
 * @param toState the state after, or {@code null}
 * @param decision {@code applied}, {@code no_op} or {@code rejected}
 * @param reason the reason given, or {@code null}
 * @param derivedSignal a derived signal, or {@code null}
 * @param signatureVerified whether the source's signature was verified
 * @param reconciledWithProvider whether it was reconciled with the payment provider
 * @param rawEventReceivedAt when the source event arrived, or {@code null}
 * @param processedAt when it was processed, or {@code null}
 */
public record AuditEntry(
    String eventId,
    String rail,
    String environment,
    String eventType,
    String projectId,
    String subscriptionId,
    String customerId,
    String fromState,
    String toState,
    String decision,
    String reason,
    String derivedSignal,
    boolean signatureVerified,
    boolean reconciledWithProvider,
    Instant rawEventReceivedAt,
    Instant processedAt) {}
