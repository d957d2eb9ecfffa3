package com.acme.customers;

/** A customer as the mapper returns it; the balance comes from the ledger. */
public record Customer(long id, String email, String displayName) {}
