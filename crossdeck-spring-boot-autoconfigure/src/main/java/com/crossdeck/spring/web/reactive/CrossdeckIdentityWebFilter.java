package com.crossdeck.spring.web.reactive;

import com.crossdeck.spring.identity.CarriedIdentity;
import com.crossdeck.spring.identity.RequestIdentity;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Gives each WebFlux request its Crossdeck identity: the signed-in user and the identity the
 * request presented ({@link ExchangeIdentityReader}), carried as a {@link CarriedIdentity} in the
 * Reactor {@code Context} of the request's chain under {@link CarriedIdentity#CONTEXT_KEY}.
 *
 * <p>From there {@code @TrackEvent} methods returning {@code Mono} or {@code Flux} read it
 * directly, and Reactor restores it as the thread's identity wherever context propagation runs
 * (every operator with {@code spring.reactor.context-propagation=auto}, {@code handle} and {@code
 * tap} otherwise), so that {@code crossdeck.track(...)} there needs no identity code.
 *
 * <p>It runs after Spring Security's filter chain by default, where the request's principal is
 * known. It reads the principal once per request, without blocking; the header and cookies are
 * parsed once per exchange.
 */
public final class CrossdeckIdentityWebFilter implements WebFilter, Ordered {

  private final ExchangeIdentityReader identities;
  private final PrincipalUserIds users;
  private final int order;

  /**
   * Creates the filter.
   *
   * @param identities reads what the request presented
   * @param users resolves the request's user
   * @param order the filter's order ({@code crossdeck.web.reactive-filter-order})
   */
  public CrossdeckIdentityWebFilter(
      ExchangeIdentityReader identities, PrincipalUserIds users, int order) {
    this.identities = identities;
    this.users = users;
    this.order = order;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    RequestIdentity request = identities.read(exchange);
    RequestIdentity presented = RequestIdentity.NONE.equals(request) ? null : request;
    return users
        .of(exchange)
        .map(userId -> new CarriedIdentity(userId, presented))
        .defaultIfEmpty(
            presented == null ? CarriedIdentity.NONE : new CarriedIdentity(null, presented))
        .flatMap(
            carried ->
                carried.isEmpty()
                    ? chain.filter(exchange)
                    : chain
                        .filter(exchange)
                        .contextWrite(Context.of(CarriedIdentity.CONTEXT_KEY, carried)));
  }

  @Override
  public int getOrder() {
    return order;
  }
}
