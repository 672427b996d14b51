package com.crossdeck.spring.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import com.crossdeck.spring.EmulatorClients;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@SuppressWarnings("try") // identity scopes are held only to be closed
class SignInLinkingTests {

  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  private final CrossdeckServer client = EmulatorClients.client(emulator.get());
  private final SignInLinking linking = new SignInLinking(new AnonymousIdLinker(client));

  @AfterEach
  void closeClient() {
    client.close(Duration.ZERO);
  }

  @Test
  void linksTheAnonymousIdTheSignInRequestCarriedToTheUser() {
    try (RequestIdentity.Scope scope = new RequestIdentity("anon_signing_in", null).bind()) {
      linking.onApplicationEvent(new CrossdeckSignInEvent(this, "user_ada"));
    }

    await().until(() -> emulator.customerId("anon_signing_in").isPresent());
    assertThat(emulator.customerId("anon_signing_in")).isEqualTo(emulator.customerId("user_ada"));
  }

  @Test
  void sendsNothingForASignInRequestWithoutAnAnonymousId() {
    try (RequestIdentity.Scope scope = new RequestIdentity(null, "cdcust_7f3a9c").bind()) {
      linking.onApplicationEvent(new CrossdeckSignInEvent(this, "user_ada"));
    }
    linking.onApplicationEvent(new CrossdeckSignInEvent(this, "user_ada"));

    assertThat(emulator.requests()).isEmpty();
  }
}
