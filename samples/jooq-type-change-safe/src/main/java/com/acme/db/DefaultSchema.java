package com.acme.db;

import org.jooq.impl.SchemaImpl;

/** Checked-in output of the jOOQ code generator (trimmed): the schema. */
public class DefaultSchema extends SchemaImpl {
  public static final DefaultSchema PUBLIC = new DefaultSchema();

  private DefaultSchema() {
    super("public", null);
  }
}
