package com.acme.customers;

/** A customer as the mapper returns it. */
public record Customer(long id, String email, String displayName, int loyaltyPoints) {}
