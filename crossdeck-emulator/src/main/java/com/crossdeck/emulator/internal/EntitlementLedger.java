package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.AuditEntry;
import com.crossdeck.emulator.Entitlement;
import com.crossdeck.emulator.IdentityHint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Entitlements, manual grants and revokes, and their audit entries (contract-extended §2, §3).
 * Every grant or revoke writes an audit entry; the change is visible to the next entitlement read.
 * Part of the {@link Store}, so confined to the indexer thread.
 */
final class EntitlementLedger {

  private final Function<Scope, Space> spaces;

  EntitlementLedger(Function<Scope, Space> spaces) {
    this.spaces = spaces;
  }

  /** A customer's id and entitlements, as the entitlement reads answer them. */
  record Entitlements(String customerId, List<Entitlement> entitlements) {}

  /** A grant or revoke, what it changed, and the audit entry written for it. */
  record Mutation(String customerId, EntitlementBook.Change change, AuditEntry audit) {}

  /**
   * The entitlements of the customer {@code hints} name (in precedence order), creating the
   * customer of an unknown user or anonymous id as an event would; empty when the only hint is a
   * customer id never issued.
   */
  Optional<Entitlements> entitlementsFor(Scope scope, List<IdentityHint> hints, Instant now) {
    return space(scope)
        .graph()
        .resolve(hints, now)
        .map(attribution -> entitlements(attribution.customer()));
  }

  /** The entitlements of the customer with this issued customer id. */
  Optional<Entitlements> entitlementsOf(Scope scope, String customerId) {
    return issued(scope, customerId).map(EntitlementLedger::entitlements);
  }

  /** The entitlements of the customer {@code anyIdentifier} resolves to; empty if unknown. */
  List<Entitlement> entitlements(Scope scope, String anyIdentifier) {
    return space(scope)
        .graph()
        .find(anyIdentifier)
        .map(customer -> customer.entitlements().all())
        .orElse(List.of());
  }

  /** Grants {@code key} to the customer with this issued customer id, if there is one. */
  Optional<Mutation> grant(
      Scope scope,
      String customerId,
      String key,
      GrantDuration duration,
      String reason,
      Instant now) {
    return issued(scope, customerId)
        .map(customer -> grant(scope, customer, key, duration, reason, now));
  }

  /**
   * Grants {@code key} to the customer {@code anyIdentifier} resolves to; an unknown identifier is
   * taken as a developer user id and its customer created (the Java API's convenience for tests).
   */
  Mutation grantToAny(
      Scope scope, String anyIdentifier, String key, GrantDuration duration, Instant now) {
    return grant(scope, customerOrNewUser(scope, anyIdentifier, now), key, duration, null, now);
  }

  /** Revokes {@code key} from the customer with this issued customer id, if there is one. */
  Optional<Mutation> revoke(
      Scope scope, String customerId, String key, String reason, Instant now) {
    return issued(scope, customerId).map(customer -> revoke(scope, customer, key, reason, now));
  }

  /** Revokes {@code key} from the customer {@code anyIdentifier} resolves to (see grantToAny). */
  Mutation revokeFromAny(Scope scope, String anyIdentifier, String key, Instant now) {
    return revoke(scope, customerOrNewUser(scope, anyIdentifier, now), key, null, now);
  }

  Optional<AuditEntry> audit(Scope scope, String eventId) {
    return space(scope).audit(eventId);
  }

  List<AuditEntry> audit(Scope scope) {
    return space(scope).audit();
  }

  /** The audit entries of a customer, including those written before a merge into it. */
  List<AuditEntry> auditOf(Scope scope, CustomerSnapshot customer) {
    return space(scope).auditOf(IdentityGraph.customerIds(customer.identifiers()));
  }

  private Mutation grant(
      Scope scope,
      Customer customer,
      String key,
      GrantDuration duration,
      String reason,
      Instant now) {
    EntitlementBook.Change change = customer.entitlements().grant(key, duration, now);
    return recordMutation(scope, customer, change, "entitlement.granted_manually", reason, now);
  }

  private Mutation revoke(Scope scope, Customer customer, String key, String reason, Instant now) {
    EntitlementBook.Change change = customer.entitlements().revoke(key, now);
    return recordMutation(scope, customer, change, "entitlement.revoked_manually", reason, now);
  }

  private Mutation recordMutation(
      Scope scope,
      Customer customer,
      EntitlementBook.Change change,
      String eventType,
      String reason,
      Instant now) {
    AuditEntry entry =
        new AuditEntry(
            Ids.auditId(),
            eventType,
            customer.id(),
            change.entitlement().key(),
            change.fromState(),
            change.toState(),
            change.applied() ? "applied" : "no_op",
            reason,
            scope.environment(),
            now);
    space(scope).recordAudit(entry);
    customer.touch(now);
    return new Mutation(customer.id(), change, entry);
  }

  private Customer customerOrNewUser(Scope scope, String anyIdentifier, Instant now) {
    IdentityGraph graph = space(scope).graph();
    return graph
        .find(anyIdentifier)
        .orElseGet(
            () ->
                graph
                    .resolve(
                        List.of(
                            new IdentityHint(IdentityHint.Type.DEVELOPER_USER_ID, anyIdentifier)),
                        now)
                    .orElseThrow()
                    .customer());
  }

  private Optional<Customer> issued(Scope scope, String customerId) {
    return space(scope)
        .graph()
        .find(new IdentityHint(IdentityHint.Type.CROSSDECK_CUSTOMER_ID, customerId));
  }

  private static Entitlements entitlements(Customer customer) {
    return new Entitlements(customer.id(), customer.entitlements().all());
  }

  private Space space(Scope scope) {
    return spaces.apply(scope);
  }
}
