package com.crossdeck.spring.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.IdentityHint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.Ordered;

@SuppressWarnings("try") // identity scopes are held only to be closed
class CrossdeckIdentityTests {

  private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();

  @Test
  void hasNoIdentityOutsideARequestWithoutAUser() {
    assertThat(identity().hint()).isEmpty();
  }

  @Test
  void attributesToTheSignedInUser() {
    resolver("first", 0, () -> "user_42");

    assertThat(identity().hint()).contains(IdentityHint.developerUserId("user_42"));
  }

  @Test
  void attributesToTheAnonymousIdWhenNoUserIsSignedIn() {
    try (RequestIdentity.Scope scope = new RequestIdentity("anon_1", "cdcust_1").bind()) {
      assertThat(identity().hint()).contains(IdentityHint.anonymousId("anon_1"));
    }
  }

  @Test
  void attributesToTheCustomerIdWhenThatIsAllTheRequestCarries() {
    try (RequestIdentity.Scope scope = new RequestIdentity(null, "cdcust_1").bind()) {
      assertThat(identity().hint()).contains(IdentityHint.crossdeckCustomerId("cdcust_1"));
    }
  }

  @Test
  void aSignedInUserWinsOverTheAnonymousIdTheRequestPresents() {
    resolver("first", 0, () -> "user_42");

    try (RequestIdentity.Scope scope = new RequestIdentity("anon_1", null).bind()) {
      assertThat(identity().hint()).contains(IdentityHint.developerUserId("user_42"));
    }
  }

  @Test
  void consultsResolversInOrderAndTakesTheFirstNonBlankId() {
    resolver("late", 20, () -> "late_user");
    resolver("blank", 5, () -> " ");
    resolver("early", 10, () -> "early_user");

    assertThat(identity().userId()).contains("early_user");
  }

  @Test
  void skipsAResolverThatThrows() {
    resolver(
        "broken",
        0,
        () -> {
          throw new IllegalStateException("no session");
        });
    resolver("working", 1, () -> "user_42");

    assertThat(identity().userId()).contains("user_42");
  }

  @Test
  void restoresTheOuterIdentityWhenANestedScopeCloses() {
    try (RequestIdentity.Scope outer = new RequestIdentity("anon_outer", null).bind()) {
      try (RequestIdentity.Scope inner = new RequestIdentity("anon_inner", null).bind()) {
        assertThat(identity().anonymousId()).contains("anon_inner");
      }
      assertThat(identity().anonymousId()).contains("anon_outer");
    }
    assertThat(RequestIdentity.current()).isEmpty();
  }

  private CrossdeckIdentity identity() {
    return new CrossdeckIdentity(resolvers());
  }

  private ObjectProvider<CrossdeckUserIdResolver> resolvers() {
    return beans.getBeanProvider(CrossdeckUserIdResolver.class);
  }

  private void resolver(String name, int order, CrossdeckUserIdResolver resolver) {
    beans.registerSingleton(name, new OrderedResolver(resolver, order));
  }

  private record OrderedResolver(CrossdeckUserIdResolver delegate, int order)
      implements CrossdeckUserIdResolver, Ordered {

    @Override
    public String resolveUserId() {
      return delegate.resolveUserId();
    }

    @Override
    public int getOrder() {
      return order;
    }
  }
}
