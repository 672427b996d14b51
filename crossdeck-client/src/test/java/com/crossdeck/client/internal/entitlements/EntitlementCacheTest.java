package com.crossdeck.client.internal.entitlements;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.CrossdeckClock;
import com.crossdeck.client.Entitlement;
import com.crossdeck.client.IdentityHints;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EntitlementCacheTest {

  private static final Entitlement PRO = new Entitlement("pro", true, null, null, null);
  private static final Entitlement TEAM = new Entitlement("team", true, null, null, null);

  /** A clock that stands still unless moved. */
  private static final class StillClock implements CrossdeckClock {
    final AtomicLong millis = new AtomicLong(1_767_225_600_000L);

    @Override
    public long currentTimeMillis() {
      return millis.get();
    }

    @Override
    public long nanoTime() {
      return millis.get() * 1_000_000;
    }

    @Override
    public void awaitUntil(long deadlineNanos) {}
  }

  private final StillClock clock = new StillClock();

  private EntitlementCache cache(int maxCustomers) {
    return new EntitlementCache(
        clock, Duration.ofSeconds(60), Duration.ofHours(24), maxCustomers, false);
  }

  @Test
  void aCustomerIdHintIsUsedAsGivenAndWinsOverACachedUserAlias() {
    EntitlementCache cache = cache(10);
    cache.populate("cdcust_a", List.of(PRO), "sandbox", "user_1");

    assertThat(cache.resolve(new IdentityHints("cdcust_other", "user_1", null)))
        .isEqualTo("cdcust_other");
    assertThat(cache.resolve(IdentityHints.forUser("user_1"))).isEqualTo("cdcust_a");
    assertThat(cache.resolve(new IdentityHints(null, "user_unknown", "user_1"))).isNull();
  }

  @Test
  void aFailedFirstReadLeavesAStubThatAnswersNothing() {
    EntitlementCache cache = cache(10);

    cache.markRefreshFailed("user_1");

    assertThat(cache.isEntitled(cache.resolve("user_1"), "pro")).isFalse();
    assertThat(cache.stats().customers()).isEqualTo(1);
    assertThat(cache.stats().staleCustomers()).isEqualTo(1);
    assertThat(cache.stats().misses()).isEqualTo(1);
  }

  @Test
  void evictsTheLeastRecentlyWrittenCustomerEvenIfItWasReadLast() {
    EntitlementCache cache = cache(2);
    cache.populate("cdcust_a", List.of(PRO), "sandbox");
    cache.populate("cdcust_b", List.of(PRO), "sandbox");
    cache.isEntitled(cache.resolve("cdcust_a"), "pro");

    cache.populate("cdcust_c", List.of(PRO), "sandbox");

    assertThat(cache.isEntitled(cache.resolve("cdcust_a"), "pro"))
        .as("reads are not use")
        .isFalse();
    assertThat(cache.isEntitled(cache.resolve("cdcust_b"), "pro")).isTrue();
    assertThat(cache.isEntitled(cache.resolve("cdcust_c"), "pro")).isTrue();
    assertThat(cache.stats().evictions()).isEqualTo(1);
  }

  @Test
  void rewritingACustomerMakesItTheNewest() {
    EntitlementCache cache = cache(2);
    cache.populate("cdcust_a", List.of(PRO), "sandbox");
    cache.populate("cdcust_b", List.of(PRO), "sandbox");
    cache.populate("cdcust_a", List.of(PRO), "sandbox");

    cache.populate("cdcust_c", List.of(PRO), "sandbox");

    assertThat(cache.isEntitled(cache.resolve("cdcust_a"), "pro")).isTrue();
    assertThat(cache.isEntitled(cache.resolve("cdcust_b"), "pro")).isFalse();
  }

  @Test
  void forgetRemovesTheCustomerAndEveryAliasPointingAtIt() {
    EntitlementCache cache = cache(10);
    cache.populate("cdcust_a", List.of(PRO), "sandbox", "user_1", "anon_1");
    cache.populate("cdcust_b", List.of(PRO), "sandbox", "user_2");

    cache.forget("cdcust_a", IdentityHints.forUser("user_1"));

    assertThat(cache.isEntitled(cache.resolve("user_1"), "pro")).isFalse();
    assertThat(cache.isEntitled(cache.resolve("anon_1"), "pro")).isFalse();
    assertThat(cache.isEntitled(cache.resolve("cdcust_a"), "pro")).isFalse();
    assertThat(cache.isEntitled(cache.resolve("user_2"), "pro")).isTrue();
    assertThat(cache.stats().aliases()).isEqualTo(1);
  }

  /**
   * Readers on several threads never wait for the writer and always see one whole answer: {@code
   * pro} and {@code team} are always granted together, never one without the other.
   */
  @Test
  void concurrentReadersAlwaysSeeAWholeAnswerWhileAWriterReplacesIt() throws Exception {
    EntitlementCache cache = cache(1000);
    cache.populate("cdcust_a", List.of(PRO, TEAM), "sandbox", "user_1");
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Long>> readers = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        readers.add(
            threads.submit(
                () -> {
                  start.await();
                  long torn = 0;
                  long reads = 0;
                  while (writing.get() || reads < 10_000) {
                    boolean pro =
                        cache.isEntitled(cache.resolve(IdentityHints.forUser("user_1")), "pro");
                    List<Entitlement> all = cache.list(cache.resolve("user_1"));
                    if (all.size() != 2 && all.size() != 0 || !pro && all.size() == 2) {
                      torn++;
                    }
                    reads++;
                  }
                  return torn;
                }));
      }
      Future<?> writer =
          threads.submit(
              () -> {
                start.await();
                for (int i = 0; i < 20_000; i++) {
                  cache.populate(
                      "cdcust_a",
                      i % 2 == 0 ? List.of(PRO, TEAM) : List.of(TEAM, PRO),
                      "sandbox",
                      "user_1");
                  cache.populate("cdcust_" + i, List.of(PRO), "sandbox", "user_x" + i);
                }
                writing.set(false);
                return null;
              });
      start.countDown();
      writer.get(60, TimeUnit.SECONDS);
      for (Future<Long> reader : readers) {
        assertThat(reader.get(60, TimeUnit.SECONDS)).isZero();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(cache.stats().customers()).isEqualTo(1000);
  }
}
