package dev.blastradius.lang.ts.prisma;

import dev.blastradius.lang.LinkState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The models of a Prisma schema ({@code schema.prisma}, or every file of {@code prisma/schema/}):
 * tables ({@code @@map}, {@code @@schema}), scalar fields and their columns ({@code @map}), ids,
 * defaults, {@code @updatedAt}, relations with the foreign-key fields they hold, and enums. Read
 * with our own small reader of the Prisma Schema Language.
 */
public final class PrismaSchema implements LinkState {

  /** Prisma's scalar types; any other type is an enum, a composite type or a model. */
  private static final Set<String> SCALARS =
      Set.of(
          "String",
          "Boolean",
          "Int",
          "BigInt",
          "Float",
          "Decimal",
          "DateTime",
          "Json",
          "Bytes",
          "Unsupported");

  /** Defaults the client fills in itself, so it writes them on create. */
  private static final Set<String> CLIENT_DEFAULTS =
      Set.of("uuid", "cuid", "nanoid", "ulid", "now");

  /**
   * One field.
   *
   * @param type the type name without {@code ?} or {@code []}
   * @param relationFields for a relation field that holds the foreign key: the scalar fields named
   *     in {@code @relation(fields: [...])}
   * @param clientDefault whether the client generates the value on create ({@code uuid()}, …)
   */
  public record Field(
      String name,
      String column,
      String type,
      boolean list,
      boolean id,
      boolean updatedAt,
      boolean clientDefault,
      List<String> relationFields,
      int line) {}

  /** One model: its client accessor is the name with a lower-case first letter. */
  public record Model(
      String name, String table, String schema, List<Field> fields, String path, int line) {

    public Optional<Field> field(String name) {
      return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
  }

  /**
   * A problem reading the schema.
   *
   * @param line 1-based
   */
  public record Problem(int line, String message) {}

  private final Map<String, Model> models = new LinkedHashMap<>();
  private final Set<String> enums = new java.util.HashSet<>();
  private final Set<String> compositeTypes = new java.util.HashSet<>();
  private final List<Problem> problems = new ArrayList<>();

  /** Reads one schema file. */
  public static PrismaSchema parse(String path, String text) {
    PrismaSchema schema = new PrismaSchema();
    schema.read(path, text);
    return schema;
  }

  /** The models of several files together (a multi-file schema, or several schemas). */
  public static PrismaSchema merge(List<PrismaSchema> parts) {
    PrismaSchema merged = new PrismaSchema();
    for (PrismaSchema part : parts) {
      part.models.forEach(merged.models::putIfAbsent);
      merged.enums.addAll(part.enums);
      merged.compositeTypes.addAll(part.compositeTypes);
    }
    return merged;
  }

  public List<Problem> problems() {
    return problems;
  }

  public boolean isEmpty() {
    return models.isEmpty();
  }

  /** The model a client accessor names ({@code user} → {@code User}). */
  public Optional<Model> byAccessor(String accessor) {
    for (Model model : models.values()) {
      if (accessor(model.name()).equals(accessor)) {
        return Optional.of(model);
      }
    }
    return Optional.empty();
  }

  public Optional<Model> model(String name) {
    return Optional.ofNullable(models.get(name));
  }

  /** Whether a field's type is another model (a relation, not a column). */
  public boolean isRelation(Field field) {
    return models.containsKey(field.type());
  }

  /** Whether a field is stored in a column of its model's table. */
  public boolean isColumn(Field field) {
    return !isRelation(field) && !compositeTypes.contains(field.type());
  }

  /** The client accessor of a model: the name with a lower-case first letter. */
  public static String accessor(String model) {
    return model.isEmpty()
        ? model
        : model.substring(0, 1).toLowerCase(Locale.ROOT) + model.substring(1);
  }

  private void read(String path, String text) {
    String[] lines = text.split("\n", -1);
    int i = 0;
    while (i < lines.length) {
      String line = stripComment(lines[i]).strip();
      String[] words = line.split("\\s+");
      if (words.length >= 2 && line.endsWith("{")) {
        String kind = words[0];
        String name = words[1].replace("{", "");
        int end = blockEnd(lines, i);
        List<String> body = new ArrayList<>();
        for (int j = i + 1; j < end; j++) {
          body.add(stripComment(lines[j]).strip());
        }
        switch (kind) {
          case "model", "view" -> models.put(name, model(path, name, body, i + 2));
          case "enum" -> enums.add(name);
          case "type" -> compositeTypes.add(name);
          case "datasource", "generator" -> {}
          default -> problems.add(new Problem(i + 1, "unknown Prisma block '" + kind + "'"));
        }
        if (end >= lines.length) {
          problems.add(new Problem(i + 1, "the " + kind + " block " + name + " is not closed"));
        }
        i = end + 1;
      } else {
        if (!line.isEmpty()) {
          problems.add(new Problem(i + 1, "cannot read this line of the Prisma schema: " + line));
        }
        i++;
      }
    }
  }

  private static int blockEnd(String[] lines, int start) {
    for (int j = start + 1; j < lines.length; j++) {
      if (stripComment(lines[j]).strip().equals("}")) {
        return j;
      }
    }
    return lines.length;
  }

  private Model model(String path, String name, List<String> body, int firstLine) {
    String table = name;
    String schema = null;
    List<Field> fields = new ArrayList<>();
    for (int k = 0; k < body.size(); k++) {
      String line = body.get(k);
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("@@")) {
        table = attributeArgument(line, "@@map").orElse(table);
        schema = attributeArgument(line, "@@schema").orElse(schema);
        continue;
      }
      String[] parts = line.split("\\s+", 3);
      if (parts.length < 2) {
        continue;
      }
      String fieldName = parts[0];
      String type = parts[1];
      String attributes = parts.length > 2 ? parts[2] : "";
      boolean list = type.endsWith("[]");
      String bare = type.replace("[]", "").replace("?", "");
      int paren = bare.indexOf('(');
      bare = paren >= 0 ? bare.substring(0, paren) : bare;
      String column = attributeArgument(attributes, "@map").orElse(fieldName);
      boolean updatedAt = attributes.contains("@updatedAt");
      Optional<String> defaultValue = attributeArgument(attributes, "@default");
      boolean clientDefault =
          defaultValue
              .map(d -> CLIENT_DEFAULTS.contains(d.replaceAll("\\(.*", "").strip()))
              .orElse(false);
      fields.add(
          new Field(
              fieldName,
              column,
              bare,
              list,
              attributes.contains("@id"),
              updatedAt,
              clientDefault,
              relationFields(attributes),
              firstLine + k));
    }
    return new Model(name, table, schema, fields, path, firstLine - 1);
  }

  /** The first argument of {@code @name(…)}: a quoted string, or the raw text up to {@code )}. */
  static Optional<String> attributeArgument(String text, String name) {
    int at = text.indexOf(name + "(");
    while (at > 0 && text.charAt(at - 1) == '@') {
      at = text.indexOf(name + "(", at + 1); // "@map(" inside "@@map("
    }
    if (at < 0) {
      return Optional.empty();
    }
    int start = at + name.length() + 1;
    int depth = 1;
    int end = start;
    while (end < text.length() && depth > 0) {
      char c = text.charAt(end);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      end++;
    }
    String argument = text.substring(start, Math.max(start, end - 1)).strip();
    if (argument.startsWith("name:")) {
      argument = argument.substring(5).strip();
    }
    if (argument.startsWith("\"")) {
      int close = argument.indexOf('"', 1);
      return Optional.of(close < 0 ? argument.substring(1) : argument.substring(1, close));
    }
    return Optional.of(argument);
  }

  /** The {@code fields: [a, b]} of a {@code @relation(…)}. */
  private static List<String> relationFields(String attributes) {
    int at = attributes.indexOf("fields:");
    if (!attributes.contains("@relation") || at < 0) {
      return List.of();
    }
    int open = attributes.indexOf('[', at);
    int close = attributes.indexOf(']', open + 1);
    if (open < 0 || close < 0) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String name : attributes.substring(open + 1, close).split(",")) {
      if (!name.isBlank()) {
        names.add(name.strip());
      }
    }
    return names;
  }

  /** The line without its {@code //} comment ({@code //} inside a string is kept). */
  private static String stripComment(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
        return line.substring(0, i);
      }
    }
    return line;
  }
}
