package com.crossdeck.sample.accounts;

/**
 * A customer account.
 *
 * @param id the stable user id ({@code user_…}): what Crossdeck joins timelines on. It never
 *     changes, unlike the username or the email address, which is why events never use those.
 * @param username what the person signs in with
 * @param email where their email goes; sent to Crossdeck as a trait, never as an id
 * @param plan the subscription plan, such as {@code pro}
 * @param admin whether the account may use the admin endpoints
 */
public record Account(String id, String username, String email, String plan, boolean admin) {}
