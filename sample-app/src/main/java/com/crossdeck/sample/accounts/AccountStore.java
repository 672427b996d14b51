package com.crossdeck.sample.accounts;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The accounts of the sample, in memory, with two demo users: {@code ada} (password {@code
 * lovelace}, admin, plan pro) and {@code grace} (password {@code hopper}, plan starter).
 *
 * <p>Also Spring Security's {@link UserDetailsService}, so sign-in and signup share one store. In a
 * real application this is your users table. Thread-safe.
 */
@Component
public class AccountStore implements UserDetailsService {

  private static final String ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

  private final Map<String, Registered> byUsername = new ConcurrentHashMap<>();
  private final Map<String, Account> byId = new ConcurrentHashMap<>();
  private final PasswordEncoder passwords;
  private final SecureRandom random = new SecureRandom();

  /** Creates the store with the demo users. */
  public AccountStore(PasswordEncoder passwords) {
    this.passwords = passwords;
    add(new Account("user_ada", "ada", "ada@example.com", "pro", true), "lovelace");
    add(new Account("user_grace", "grace", "grace@example.com", "starter", false), "hopper");
  }

  /** The account signing in with {@code username}. */
  public Optional<Account> findByUsername(String username) {
    return Optional.ofNullable(byUsername.get(username)).map(Registered::account);
  }

  /** The account with the stable user id {@code id}. */
  public Optional<Account> findById(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * Creates an account on the free plan with a new stable user id.
   *
   * @return the account, or empty when the username is taken
   */
  public Optional<Account> register(String username, String password, String email) {
    Account account = new Account(newUserId(), username, email, "free", false);
    Registered registered = new Registered(account, passwords.encode(password));
    if (byUsername.putIfAbsent(username, registered) != null) {
      return Optional.empty();
    }
    byId.put(account.id(), account);
    return Optional.of(account);
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    Registered registered = byUsername.get(username);
    if (registered == null) {
      throw new UsernameNotFoundException("No account signs in as " + username);
    }
    return User.withUsername(username)
        .password(registered.passwordHash())
        .roles(
            registered.account().admin() ? new String[] {"USER", "ADMIN"} : new String[] {"USER"})
        .build();
  }

  private void add(Account account, String password) {
    byUsername.put(account.username(), new Registered(account, passwords.encode(password)));
    byId.put(account.id(), account);
  }

  /** A random id like {@code user_k3v9q0x2m1}, as a database sequence or UUID would give. */
  private String newUserId() {
    StringBuilder id = new StringBuilder("user_");
    for (int i = 0; i < 10; i++) {
      id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
    }
    return id.toString();
  }

  private record Registered(Account account, String passwordHash) {}
}
