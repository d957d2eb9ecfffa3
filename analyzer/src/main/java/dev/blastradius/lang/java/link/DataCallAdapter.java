package dev.blastradius.lang.java.link;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.blastradius.lang.java.AccessAdapter;
import dev.blastradius.lang.java.JavaSite;
import dev.blastradius.lang.java.StringTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps every call on a receiver of a known project or persistence type as a {@link DataCall}: only
 * once all files are read can we tell a Spring Data repository, an {@code EntityManager} or an
 * entity setter from any other object.
 */
public final class DataCallAdapter implements AccessAdapter {

  /** Receiver types that are never data access. */
  private static final Set<String> IGNORED =
      Set.of(
          "String",
          "StringBuilder",
          "StringBuffer",
          "List",
          "Map",
          "Set",
          "Optional",
          "Stream",
          "Collection",
          "Collections",
          "Arrays",
          "Objects",
          "Math",
          "System",
          "Logger",
          "Log",
          "Integer",
          "Long",
          "Boolean",
          "Double",
          "BigDecimal",
          "Instant",
          "LocalDate",
          "LocalDateTime",
          "Duration",
          "UUID",
          "Thread",
          "ResponseEntity",
          "Mono",
          "Flux",
          "JdbcTemplate",
          "NamedParameterJdbcTemplate",
          "Connection",
          "PreparedStatement",
          "Statement",
          "ResultSet");

  @Override
  public void visit(MethodCallExpr call, JavaSite site) {
    if (call.getScope().isEmpty()) {
      return;
    }
    Optional<String> receiver = site.names().receiverType(call.getScope());
    if (receiver.isEmpty()) {
      receiver = site.names().deferredType(call.getScope());
    }
    if (receiver.isEmpty()
        || IGNORED.contains(receiver.get())
        || receiver.get().equals(site.names().ownType())) {
      return;
    }
    List<DataCall.Argument> arguments = new ArrayList<>();
    for (Expression argument : call.getArguments()) {
      String classLiteral =
          argument instanceof ClassExpr classExpr ? classExpr.getType().asString() : null;
      String declared =
          argument instanceof NameExpr name
              ? site.names().receiverType(Optional.of(name)).orElse(null)
              : null;
      StringTemplate text = site.strings().evaluate(argument).orElse(null);
      arguments.add(new DataCall.Argument(simple(classLiteral), declared, text));
    }
    Node host = site.hostStatement(call);
    site.model()
        .dataCalls
        .add(
            new DataCall(
                site.unitId(),
                site.location(host),
                site.snippet(host),
                receiver.get(),
                call.getNameAsString(),
                arguments,
                site.transactional(),
                null,
                site.names().isParameter(call.getScope())));
  }

  private static String simple(String type) {
    return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
  }
}
