package com.crossdeck.spring.identity;

import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.ErasureListener;
import com.crossdeck.client.ForgetResult;
import com.crossdeck.client.IdentityHints;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Links an anonymous id to a user so the visitor's earlier anonymous events join the user's
 * timeline, and never attaches one anonymous id to two users.
 *
 * <p>The anonymous id comes from the browser, so whoever controls the browser chooses it: a person
 * signing in on a shared computer, or someone who planted their own id in a victim's cookies. The
 * linker therefore remembers which user each anonymous id was linked to in this process, and
 * refuses to link it to anyone else: such a conflict is counted ({@link #conflictCount()}, the
 * {@code crossdeck.identity.conflicts} metric) and logged once, without the ids. Crossdeck refusing
 * a link (an answer other than a retryable failure, for example because the anonymous id's customer
 * already belongs to another user) is a conflict too.
 *
 * <p>The memory is bounded (the {@value #CAPACITY} most recently used anonymous ids) and per
 * process: another instance of the application may have linked an id this one never saw. That is
 * why the server keeps the same rule for the whole project and the linker treats its refusal as
 * final.
 *
 * <p>Each link is one background {@link CrossdeckServer#identifyAsync(String, String)} call; the
 * caller never waits unless it chooses to wait on the returned future, which never completes
 * exceptionally. The same pair is linked once: later calls get the first call's outcome. A link
 * that failed for a reason worth retrying (network, 5xx, 429) is forgotten, so the next call tries
 * again. Thread-safe.
 */
public final class AnonymousIdLinker {

  /** How many anonymous ids are remembered. */
  static final int CAPACITY = 10_000;

  private static final Log logger = LogFactory.getLog(AnonymousIdLinker.class);

  private final CrossdeckServer client;
  private final RecentlyUsed<String, Link> links = new RecentlyUsed<>(CAPACITY);
  private final LongAdder conflicts = new LongAdder();
  private final AtomicBoolean conflictLogged = new AtomicBoolean();
  private final AtomicBoolean failureLogged = new AtomicBoolean();

  /**
   * Creates a linker.
   *
   * @param client sends the links
   */
  public AnonymousIdLinker(CrossdeckServer client) {
    this.client = client;
  }

  /**
   * Links {@code anonymousId} to {@code userId} in the background, unless this process already
   * linked it to another user. Never blocks, never throws.
   *
   * @return what came of it; completes when Crossdeck answered, at once when nothing is sent
   */
  public CompletableFuture<Outcome> link(String userId, String anonymousId) {
    Link fresh = new Link(userId, new CompletableFuture<>());
    Link current = links.computeIfAbsent(anonymousId, id -> fresh);
    if (current != fresh) {
      if (Objects.equals(current.userId(), userId)) {
        return current.outcome().copy();
      }
      conflict("this process already linked it to another user");
      return CompletableFuture.completedFuture(Outcome.CONFLICT);
    }
    try {
      client
          .identifyAsync(userId, anonymousId)
          .whenComplete((result, error) -> finish(anonymousId, fresh, error));
    } catch (RuntimeException e) {
      finish(anonymousId, fresh, e);
    }
    return fresh.outcome().copy();
  }

  /**
   * Forgets the links of an erased person ({@link CrossdeckServer#forget}): their anonymous id and
   * every anonymous id linked to their user id. Crossdeck erased those links too, so after the
   * erasure the same pair is linked again, to the person's new customer, instead of being taken as
   * already done. The starter registers it as an {@link ErasureListener} of the client.
   */
  public void forget(IdentityHints hints, ForgetResult result) {
    links.removeIf(
        (anonymousId, link) ->
            anonymousId.equals(hints.anonymousId())
                || (hints.userId() != null && hints.userId().equals(link.userId())));
  }

  /** How many links were refused because the anonymous id belongs to another user. */
  public long conflictCount() {
    return conflicts.sum();
  }

  private void finish(String anonymousId, Link link, @Nullable Throwable error) {
    if (error == null) {
      link.outcome().complete(Outcome.LINKED);
      return;
    }
    links.remove(anonymousId, link);
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof CrossdeckException crossdeck && refused(crossdeck)) {
      conflict("Crossdeck refused the link (" + crossdeck.code() + ")");
      link.outcome().complete(Outcome.CONFLICT);
    } else {
      failure(cause);
      link.outcome().complete(Outcome.FAILED);
    }
  }

  /**
   * A final answer about this link: the server understood the request and said no. Retryable
   * failures and a rejected key (which the health component reports) are not about the link.
   */
  private static boolean refused(CrossdeckException error) {
    int status = error.status();
    return status >= 400 && !error.isRetryable() && status != 401 && status != 403;
  }

  private void conflict(String reason) {
    conflicts.increment();
    if (conflictLogged.compareAndSet(false, true)) {
      logger.warn(
          "Crossdeck did not link an anonymous id to a user: "
              + reason
              + ". A browser shared by two people, or an anonymous id planted by someone else, does"
              + " this. Counted in the crossdeck.identity.conflicts metric; further conflicts are"
              + " logged at DEBUG.");
    } else if (logger.isDebugEnabled()) {
      logger.debug("Crossdeck did not link an anonymous id to its user: " + reason);
    }
  }

  private void failure(Throwable cause) {
    String reason =
        cause instanceof CrossdeckException crossdeck
            ? crossdeck.code()
            : cause.getClass().getSimpleName();
    if (failureLogged.compareAndSet(false, true)) {
      logger.warn(
          "Crossdeck could not link an anonymous id to its user ("
              + reason
              + "); the next sign-in with it tries again. Further failures are logged at DEBUG.");
    } else if (logger.isDebugEnabled()) {
      logger.debug("Crossdeck could not link an anonymous id to its user (" + reason + ")");
    }
  }

  /** What came of a {@link #link} call. */
  public enum Outcome {
    /** The anonymous id is linked to the user, by this call or an earlier one in this process. */
    LINKED,
    /**
     * Not linked, and not to be retried: the anonymous id belongs to another user, as this process
     * remembers or as Crossdeck answered.
     */
    CONFLICT,
    /** Not linked for now (network, Crossdeck unavailable, client closed); a later call retries. */
    FAILED
  }

  /** One anonymous id's link: whom it was linked to, and what came of it. */
  private record Link(String userId, CompletableFuture<Outcome> outcome) {}
}
