package com.crossdeck.sample.email;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Event;
import com.crossdeck.spring.identity.AnonymousIdLinker;
import com.crossdeck.spring.identity.AnonymousIdLinker.Outcome;
import com.crossdeck.spring.identity.CrossdeckIdentity;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The redirect behind every link in an email: {@code GET /r?u=<signed user token>&c=<campaign>
 * &dest=<path>}. A click is attributed to the person the email went to even though they are not
 * signed in, because the token is signed ({@link SignedLinkToken}).
 *
 * <p>The person always lands on the page: an invalid, tampered or expired token redirects all the
 * same and tracks nothing. A valid one, in this order: links the browser's anonymous id to the user
 * (so what they do next on the site joins their timeline), tracks {@code email_link_clicked},
 * flushes, and only then redirects. The flush matters: the redirect ends this request's work, and
 * in short-lived deployments (serverless, scale-to-zero) nothing guarantees the process lives long
 * enough to deliver the event later.
 *
 * <p>The link is single-use ({@link SpentLinkTokens}): a token links the first browser that opens
 * it with an anonymous id, never another one. Every click is still tracked, and stored once.
 */
@RestController
class EmailLinkController {

  private static final Logger log = LoggerFactory.getLogger(EmailLinkController.class);

  /** Longest the redirect waits for the link before going ahead without it. */
  private static final Duration LINK_WAIT = Duration.ofSeconds(5);

  private final SignedLinkToken tokens;
  private final SpentLinkTokens spentTokens;
  private final AnonymousIdLinker linker;
  private final CrossdeckServer crossdeck;
  private final CrossdeckIdentity identity;

  EmailLinkController(
      SignedLinkToken tokens,
      SpentLinkTokens spentTokens,
      AnonymousIdLinker linker,
      CrossdeckServer crossdeck,
      CrossdeckIdentity identity) {
    this.tokens = tokens;
    this.spentTokens = spentTokens;
    this.linker = linker;
    this.crossdeck = crossdeck;
    this.identity = identity;
  }

  @GetMapping("/r")
  ResponseEntity<Void> click(
      @RequestParam(name = "u", required = false) String token,
      @RequestParam(name = "c", required = false) String campaign,
      @RequestParam(name = "dest", required = false) String dest) {
    String destination = localPathOrRoot(dest);
    Optional<String> userId = tokens.verify(token, campaign);
    if (userId.isPresent()) {
      track(userId.get(), campaign, destination, token);
    }
    return ResponseEntity.status(HttpStatus.FOUND)
        .header(HttpHeaders.LOCATION, destination)
        .build();
  }

  private void track(String userId, String campaign, String destination, String token) {
    String tokenDigest = sha256Prefix(token);
    // The anonymous id comes from the web SDK's cookie (or X-Anon-Id), read by the starter. A
    // browser that never ran the web SDK has none: there is nothing to link.
    identity.anonymousId().ifPresent(anonymousId -> linkOnce(userId, anonymousId, tokenDigest));
    crossdeck.track(
        Event.builder("email_link_clicked")
            .developerUserId(userId)
            // One token is one link in one email: a double click or a mail scanner's prefetch
            // then a real click are stored once.
            .eventId("email_" + tokenDigest)
            .property("campaign", campaign)
            .property("destination", destination)
            .build());
    crossdeck.flush();
  }

  /**
   * Links the clicking browser to the user if this token never linked one. The starter's linker
   * also refuses an anonymous id that already belongs to another user (a shared computer).
   */
  private void linkOnce(String userId, String anonymousId, String tokenDigest) {
    if (!spentTokens.spend(tokenDigest)) {
      return;
    }
    try {
      Outcome outcome =
          linker.link(userId, anonymousId).get(LINK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (outcome == Outcome.FAILED) {
        // Nothing was linked, so the token has not linked a browser yet: let the next click try.
        spentTokens.refund(tokenDigest);
        log.warn("Could not link the clicking browser to {}; the next click tries again", userId);
      }
    } catch (TimeoutException e) {
      // Still on its way: the link completes in the background.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("The linker's future never fails", e);
    }
  }

  /**
   * {@code dest} if it is a path on this site, else {@code /}. Anything else would make this an
   * open redirect: a link on our domain that sends people to a phishing site. Rejected: absolute
   * URLs ({@code https://…}), scheme-relative ones ({@code //evil.example}), backslashes (which
   * browsers treat as slashes) and control characters.
   */
  static String localPathOrRoot(String dest) {
    if (dest == null
        || !dest.startsWith("/")
        || dest.startsWith("//")
        || dest.contains("\\")
        || dest.chars().anyMatch(Character::isISOControl)) {
      return "/";
    }
    try {
      URI uri = new URI(dest);
      return uri.getScheme() == null && uri.getAuthority() == null ? dest : "/";
    } catch (URISyntaxException e) {
      return "/";
    }
  }

  private static String sha256Prefix(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
