package dev.blastradius.change;

import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.ColumnRef;
import dev.blastradius.schema.TableRef;
import java.util.List;

/**
 * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE f(…) … AS body LANGUAGE lang}.
 *
 * @param function the function's schema-qualified name, as a table-shaped reference
 * @param language the body's language, lower case ({@code plpgsql}, {@code sql})
 * @param body the body without its dollar quotes, or null when it could not be found
 * @param bodyLine the line the body starts on (its opening quote), within the analysed text
 */
public record CreateFunction(
    TableRef function, String language, String body, int bodyLine, boolean orReplace)
    implements SchemaChange {

  @Override
  public TableRef table() {
    return function;
  }

  @Override
  public List<ColumnRef> columns() {
    return List.of();
  }

  @Override
  public void applyTo(Catalog.Builder catalog) {
    catalog.addFunction(function);
  }

  @Override
  public String describe() {
    return "create function " + function.displayName() + "()";
  }
}
