package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.IdentityHint;
import com.crossdeck.emulator.IdentityHint.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves every identifier of one project and environment to exactly one customer, as
 * conservatively as the real service must:
 *
 * <ul>
 *   <li>a customer never holds two different developer user ids: an alias that would (directly, or
 *       by merging two customers) is refused and changes nothing;
 *   <li>a customer id ({@code cdcust_…}) is only ever minted here: one the graph never issued
 *       attributes nothing and never becomes a customer;
 *   <li>events never merge customers or move an identifier; only an alias merges, and then the
 *       customer created first survives and takes over the others' identifiers and events.
 * </ul>
 *
 * Confined to the indexer thread.
 */
final class IdentityGraph {

  /**
   * Which hint decides an event's customer, and the order in which a bare identifier is looked up:
   * customer ids first (unambiguous), then user ids, then anonymous ids.
   */
  static final List<Type> PRECEDENCE =
      List.of(Type.CROSSDECK_CUSTOMER_ID, Type.DEVELOPER_USER_ID, Type.ANONYMOUS_ID);

  private static final Comparator<Customer> OLDEST_FIRST =
      Comparator.comparingLong(Customer::creationOrder);

  /** The customer an event belongs to, and the hint that decided it. */
  record Attribution(Customer customer, IdentityHint decidedBy) {}

  /** What an alias did. */
  sealed interface LinkResult {}

  /** The identifiers now all belong to {@code customer}. */
  record Linked(Customer customer) implements LinkResult {}

  /**
   * Refused: {@code identifier} belongs to {@code customer}, which holds another developer user id.
   */
  record Conflict(IdentityHint identifier, Customer customer) implements LinkResult {}

  /** Refused: {@code identifier} is a customer id the graph never issued. */
  record UnknownCustomerId(IdentityHint identifier) implements LinkResult {}

  private final Map<IdentityHint, Customer> byIdentifier = new HashMap<>();
  private final Map<String, Customer> customers = new LinkedHashMap<>();
  private long created;

  /**
   * Attributes an event by its hints, given in {@link #PRECEDENCE} order: an issued customer id
   * decides; otherwise the user id, then the anonymous id, each creating its customer on first
   * sight. The event's other hints are linked to that customer when the graph has never seen them,
   * except a customer id (never minted from outside) and a second user id. Empty when the only hint
   * is a customer id the graph never issued: the event then belongs to no customer.
   */
  Optional<Attribution> attribute(List<IdentityHint> hints, Instant now) {
    Optional<Attribution> attribution = resolve(hints, now);
    if (hints.size() > 1) {
      attribution.ifPresent(found -> linkUnseen(found.customer(), hints));
    }
    return attribution;
  }

  private void linkUnseen(Customer customer, List<IdentityHint> hints) {
    for (IdentityHint hint : hints) {
      boolean linkable =
          !byIdentifier.containsKey(hint)
              && hint.type() != Type.CROSSDECK_CUSTOMER_ID
              && (hint.type() != Type.DEVELOPER_USER_ID || customer.developerUserIds().isEmpty());
      if (linkable) {
        attach(customer, hint);
      }
    }
  }

  /**
   * The customer that hints given in {@link #PRECEDENCE} order name, without linking them: an
   * issued customer id decides; otherwise the user id, then the anonymous id, each creating its
   * customer on first sight. Empty when the only hint is a customer id never issued.
   */
  Optional<Attribution> resolve(List<IdentityHint> hints, Instant now) {
    for (IdentityHint hint : hints) {
      Customer known = byIdentifier.get(hint);
      if (known != null) {
        return Optional.of(new Attribution(known, hint));
      }
      if (hint.type() != Type.CROSSDECK_CUSTOMER_ID) {
        Customer customer = create(now);
        attach(customer, hint);
        return Optional.of(new Attribution(customer, hint));
      }
    }
    return Optional.empty();
  }

  /** The customer of the first of {@code hints} the graph knows, creating nothing. */
  Optional<Customer> firstKnown(List<IdentityHint> hints) {
    return hints.stream().map(byIdentifier::get).filter(Objects::nonNull).findFirst();
  }

  /** Forgets {@code customer} and every identifier linked to it. */
  void erase(Customer customer) {
    customer.identifiers().forEach(byIdentifier::remove);
    customers.remove(customer.id());
  }

  /** The customer of an identifier the graph has seen (every attributed event's hint). */
  Customer customerOf(IdentityHint identifier) {
    return Objects.requireNonNull(byIdentifier.get(identifier), identifier::toString);
  }

  /**
   * The customer an identifier of any kind belongs to: a customer id, a user id or an anonymous id.
   */
  Optional<Customer> find(String anyIdentifier) {
    for (Type type : PRECEDENCE) {
      Customer customer = byIdentifier.get(new IdentityHint(type, anyIdentifier));
      if (customer != null) {
        return Optional.of(customer);
      }
    }
    return Optional.empty();
  }

  /** The customer of exactly this identifier, if the graph knows it. */
  Optional<Customer> find(IdentityHint identifier) {
    return Optional.ofNullable(byIdentifier.get(identifier));
  }

  /**
   * Links all {@code identifiers} (the user id first) to one customer: the oldest customer any of
   * them already belongs to, absorbing the others, or a new one when none is known yet. Refused,
   * changing nothing, when that would put two developer user ids on one customer or when a customer
   * id was never issued.
   */
  LinkResult link(List<IdentityHint> identifiers, Instant now) {
    List<Customer> known = new ArrayList<>();
    for (IdentityHint identifier : identifiers) {
      Customer customer = byIdentifier.get(identifier);
      if (customer == null && identifier.type() == Type.CROSSDECK_CUSTOMER_ID) {
        return new UnknownCustomerId(identifier);
      }
      if (customer != null && !known.contains(customer)) {
        known.add(customer);
      }
    }
    Optional<Conflict> conflict = conflict(identifiers);
    if (conflict.isPresent()) {
      return conflict.get();
    }
    known.sort(OLDEST_FIRST);
    Customer survivor = known.isEmpty() ? create(now) : known.get(0);
    for (Customer merged : known.subList(Math.min(1, known.size()), known.size())) {
      merge(survivor, merged);
    }
    identifiers.forEach(identifier -> attach(survivor, identifier));
    survivor.touch(now);
    return new Linked(survivor);
  }

  /**
   * The first identifier whose customer holds a developer user id other than the alias's. Checking
   * each customer against the alias's one user id is enough: merging customers that pass can never
   * bring two user ids together.
   */
  private Optional<Conflict> conflict(List<IdentityHint> identifiers) {
    List<String> userIds =
        identifiers.stream()
            .filter(identifier -> identifier.type() == Type.DEVELOPER_USER_ID)
            .map(IdentityHint::value)
            .toList();
    for (IdentityHint identifier : identifiers) {
      Customer customer = byIdentifier.get(identifier);
      if (customer != null && !userIds.containsAll(customer.developerUserIds())) {
        return Optional.of(new Conflict(identifier, customer));
      }
    }
    return Optional.empty();
  }

  /**
   * The customer ids among a customer's identifiers: its own and those of customers merged into it,
   * which records written before the merge (audit entries) still name.
   */
  static Set<String> customerIds(Collection<IdentityHint> identifiers) {
    Set<String> ids = new HashSet<>();
    identifiers.stream()
        .filter(identifier -> identifier.type() == Type.CROSSDECK_CUSTOMER_ID)
        .forEach(identifier -> ids.add(identifier.value()));
    return ids;
  }

  Collection<Customer> customers() {
    return customers.values();
  }

  private Customer create(Instant now) {
    String id = Ids.customerId();
    Customer customer = new Customer(id, created++, now);
    customers.put(id, customer);
    attach(customer, new IdentityHint(Type.CROSSDECK_CUSTOMER_ID, id));
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
