package com.crossdeck.spring.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Decides a request's {@link RequestIdentity} from what it presented: the anonymous-id header and
 * every value of the anonymous-id and customer-id cookies. Knows nothing of servlets, so every web
 * stack reads identities the same way.
 *
 * <ul>
 *   <li>Each value must pass the {@link IdentityInputValidator}; one that fails is ignored.
 *   <li>A value a request carried when its user signed out ({@link SignedOutIdentifiers}) is
 *       ignored too: it belongs to the person who left.
 *   <li>The header wins over the cookie: a page sets it on purpose.
 *   <li>A browser sends every cookie of a name that matches the request (a host-only one written by
 *       an older script and the web SDK's domain-wide one, say), in no order that says which is
 *       current. Of several anonymous ids the newest wins, by the time the web SDK encodes in the
 *       id ({@code anon_<base-36 milliseconds><10 random characters>}); ids without a plausible
 *       time lose to those with one, and among equals the one listed last wins (browsers list
 *       cookies created earlier first, RFC 6265 section 5.4). Of several customer ids none is used:
 *       nothing says which is right. Either case is counted ({@link #ambiguousCount()}, the {@code
 *       crossdeck.identity.ambiguous} metric) and logged once, without the values.
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class RequestIdentityReader {

  private static final String PREFIX = "anon_";
  private static final int RANDOM_CHARACTERS = 10;

  /** Base 36 of any millisecond before the year 5000 fits in 9 characters. */
  private static final int MAX_TIME_CHARACTERS = 9;

  /**
   * The web SDK did not exist before 2020-01-01 UTC: an earlier time is not one it encoded.
   * Computed, not parsed, so loading this class at startup loads no date parser.
   */
  private static final long EARLIEST_MINTED =
      TimeUnit.DAYS.toMillis(LocalDate.of(2020, 1, 1).toEpochDay());

  /** How far ahead of this server's clock a browser's clock may plausibly run. */
  private static final Duration CLOCK_SKEW = Duration.ofDays(1);

  private static final Log logger = LogFactory.getLog(RequestIdentityReader.class);

  private final IdentityInputValidator validator;
  private final SignedOutIdentifiers signedOut;
  private final Clock clock;
  private final LongAdder ambiguous = new LongAdder();
  private final AtomicBoolean ambiguityLogged = new AtomicBoolean();

  /**
   * Creates a reader.
   *
   * @param validator checks every value
   * @param signedOut the identifiers of requests whose user signed out
   * @param clock bounds how far in the future an id's encoded time may be
   */
  public RequestIdentityReader(
      IdentityInputValidator validator, SignedOutIdentifiers signedOut, Clock clock) {
    this.validator = validator;
    this.signedOut = signedOut;
    this.clock = clock;
  }

  /**
   * The identity of a request.
   *
   * @param anonymousIdHeader the anonymous-id header's value, or {@code null} when absent
   * @param anonymousIdCookies the values of the anonymous-id cookies, URL-decoded, in the order the
   *     request listed them
   * @param customerIdCookies the values of the customer-id cookies, likewise
   */
  public RequestIdentity read(
      @Nullable String anonymousIdHeader,
      List<String> anonymousIdCookies,
      List<String> customerIdCookies) {
    String anonymousId =
        current(validator.acceptAnonymousId(anonymousIdHeader, "anonymous id header"));
    if (anonymousId == null) {
      anonymousId = newestAnonymousId(anonymousIdCookies);
    }
    String customerId = onlyCustomerId(customerIdCookies);
    if (anonymousId == null && customerId == null) {
      return RequestIdentity.NONE;
    }
    return new RequestIdentity(anonymousId, customerId);
  }

  /** How many requests presented several different values for one identifier. */
  public long ambiguousCount() {
    return ambiguous.sum();
  }

  private @Nullable String newestAnonymousId(List<String> values) {
    String newest = null;
    long newestMinted = Long.MIN_VALUE;
    boolean several = false;
    for (String value : values) {
      String id = current(validator.acceptAnonymousId(value, "anonymous id cookie"));
      if (id == null || id.equals(newest)) {
        continue;
      }
      several |= newest != null;
      long minted = mintedAt(id);
      if (minted >= newestMinted) {
        newest = id;
        newestMinted = minted;
      }
    }
    if (several) {
      ambiguity("anonymous ids; the newest was used");
    }
    return newest;
  }

  private @Nullable String onlyCustomerId(List<String> values) {
    String only = null;
    for (String value : values) {
      String id = current(validator.acceptCustomerId(value, "customer id cookie"));
      if (id == null || id.equals(only)) {
        continue;
      }
      if (only != null) {
        ambiguity("customer ids; none was used");
        return null;
      }
      only = id;
    }
    return only;
  }

  private @Nullable String current(@Nullable String id) {
    return id == null || signedOut.contains(id) ? null : id;
  }

  /**
   * The time the web SDK encoded in {@code id}, or {@link Long#MIN_VALUE} when it has none that is
   * plausible: other producers' ids (Android's hex, a custom pattern) and forged ones rank lowest.
   */
  private long mintedAt(String id) {
    if (!id.startsWith(PREFIX) || id.length() <= PREFIX.length() + RANDOM_CHARACTERS) {
      return Long.MIN_VALUE;
    }
    String time = id.substring(PREFIX.length(), id.length() - RANDOM_CHARACTERS);
    if (time.length() > MAX_TIME_CHARACTERS) {
      return Long.MIN_VALUE;
    }
    for (int i = 0; i < time.length(); i++) {
      char c = time.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z')) {
        return Long.MIN_VALUE;
      }
    }
    long minted = Long.parseLong(time, 36);
    long latest = clock.millis() + CLOCK_SKEW.toMillis();
    return minted >= EARLIEST_MINTED && minted <= latest ? minted : Long.MIN_VALUE;
  }

  private void ambiguity(String what) {
    ambiguous.increment();
    if (ambiguityLogged.compareAndSet(false, true)) {
      logger.warn(
          "A request carried cookies with different Crossdeck "
              + what
              + ". Usually an older script or SDK version wrote its own cookie of the same name;"
              + " remove it. Further cases are counted in the crossdeck.identity.ambiguous metric"
              + " without logging.");
    }
  }
}
