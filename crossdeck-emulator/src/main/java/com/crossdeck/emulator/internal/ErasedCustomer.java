package com.crossdeck.emulator.internal;

import java.time.Instant;

/**
 * What is left of a customer after {@code POST /v1/identity/forget}: its id, when, and how much was
 * removed. No identifier, trait or event of it is kept.
 */
record ErasedCustomer(String id, Instant erasedAt, int eventCount, int entitlementCount) {}
