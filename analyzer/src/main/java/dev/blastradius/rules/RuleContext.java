package dev.blastradius.rules;

import dev.blastradius.graph.ColumnAccessGraph;
import dev.blastradius.schema.Catalog;

/**
 * What a rule may consult: the access graph of the code as it is, and the schema before the
 * proposed migration.
 */
public record RuleContext(ColumnAccessGraph graph, Catalog catalogBefore) {}
