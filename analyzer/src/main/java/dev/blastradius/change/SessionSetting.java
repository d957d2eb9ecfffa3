package dev.blastradius.change;

/**
 * A {@code SET [LOCAL|SESSION] name {TO|=} value} statement.
 *
 * @param name the setting, lower case ({@code lock_timeout})
 * @param value the value as written, without quotes ({@code 2s}); "" for RESET
 * @param local {@code SET LOCAL}: only for the current transaction
 */
public record SessionSetting(String name, String value, boolean local) {}
