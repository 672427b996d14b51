package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.IdentityHint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves every identifier of one project and environment to exactly one customer. Linking
 * identifiers that belong to different customers merges them deterministically: the customer
 * created first survives and takes over the others' identifiers and events, so earlier anonymous
 * events show on the signed-in customer's timeline. Confined to the indexer thread.
 */
final class IdentityGraph {

  private static final Comparator<Customer> OLDEST_FIRST =
      Comparator.comparingLong(Customer::creationOrder);

  /** Customer ids first: they are unambiguous, while a user id could look like anything. */
  private static final List<IdentityHint.Type> LOOKUP_ORDER =
      List.of(
          IdentityHint.Type.CROSSDECK_CUSTOMER_ID,
          IdentityHint.Type.DEVELOPER_USER_ID,
          IdentityHint.Type.ANONYMOUS_ID);

  private final Map<IdentityHint, Customer> byIdentifier = new HashMap<>();
  private final Map<String, Customer> customers = new LinkedHashMap<>();
  private long created;

  /**
   * The customer of {@code hint}, created on first sight. An unknown {@code crossdeckCustomerId}
   * becomes a customer with exactly that id, so events that name one are never lost.
   */
  Customer resolve(IdentityHint hint, Instant now) {
    Customer existing = byIdentifier.get(hint);
    if (existing != null) {
      return existing;
    }
    Customer customer = create(newCustomerId(List.of(hint)), now);
    attach(customer, hint);
    return customer;
  }

  /** The customer of an identifier the graph has seen (every stored event's hint). */
  Customer customerOf(IdentityHint identifier) {
    return Objects.requireNonNull(byIdentifier.get(identifier), identifier::toString);
  }

  /**
   * The customer an identifier of any kind belongs to: a customer id, a user id or an anonymous id.
   */
  Optional<Customer> find(String anyIdentifier) {
    for (IdentityHint.Type type : LOOKUP_ORDER) {
      Customer customer = byIdentifier.get(new IdentityHint(type, anyIdentifier));
      if (customer != null) {
        return Optional.of(customer);
      }
    }
    return Optional.empty();
  }

  /**
   * Links all {@code identifiers} to one customer and returns it: the oldest customer any of them
   * already belongs to (absorbing the others), or a new one when none is known yet.
   */
  Customer link(List<IdentityHint> identifiers, Instant now) {
    List<Customer> known = new ArrayList<>();
    for (IdentityHint identifier : identifiers) {
      Customer customer = byIdentifier.get(identifier);
      if (customer != null && !known.contains(customer)) {
        known.add(customer);
      }
    }
    known.sort(OLDEST_FIRST);
    Customer survivor = known.isEmpty() ? create(newCustomerId(identifiers), now) : known.get(0);
    for (Customer merged : known.subList(Math.min(1, known.size()), known.size())) {
      merge(survivor, merged);
    }
    identifiers.forEach(identifier -> attach(survivor, identifier));
    survivor.touch(now);
    return survivor;
  }

  Collection<Customer> customers() {
    return customers.values();
  }

  private static String newCustomerId(List<IdentityHint> identifiers) {
    return identifiers.stream()
        .filter(identifier -> identifier.type() == IdentityHint.Type.CROSSDECK_CUSTOMER_ID)
        .map(IdentityHint::value)
        .findFirst()
        .orElseGet(Ids::customerId);
  }

  private Customer create(String id, Instant now) {
    Customer customer = new Customer(id, created++, now);
    customers.put(id, customer);
    attach(customer, new IdentityHint(IdentityHint.Type.CROSSDECK_CUSTOMER_ID, id));
    return customer;
  }

  private void attach(Customer customer, IdentityHint identifier) {
    byIdentifier.put(identifier, customer);
    customer.identifiers().add(identifier);
  }

  private void merge(Customer survivor, Customer merged) {
    survivor.absorb(merged);
    merged.identifiers().forEach(identifier -> byIdentifier.put(identifier, survivor));
    customers.remove(merged.id());
  }
}
