package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;

/**
 * {@code CREATE [OR REPLACE] TRIGGER name {BEFORE|AFTER|INSTEAD OF} events ON t … EXECUTE FUNCTION
 * f()}.
 *
 * @param events {@code insert}, {@code update}, {@code delete}, {@code truncate}
 * @param function the function it runs
 */
public record CreateTrigger(TableRef table, String name, List<String> events, TableRef function)
    implements SchemaChange {

  public CreateTrigger {
    events = List.copyOf(events);
  }

  @Override
  public List<ColumnRef> columns() {
    return List.of();
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    catalog.addTrigger(new Catalog.Trigger(name, table, events, function));
  }

  @Override
  public String describe() {
    return "create trigger " + name + " on " + table.displayName();
  }
}
