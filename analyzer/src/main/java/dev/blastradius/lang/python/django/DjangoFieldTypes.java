package dev.blastradius.lang.python.django;

import dev.blastradius.lang.python.PyExpr;
import java.util.Map;
import java.util.Optional;

/**
 * The Postgres column type Django creates for a model field ({@code CharField(max_length=80)} is
 * {@code varchar(80)}), and its nullability ({@code null=True}; Django's default is NOT NULL).
 */
final class DjangoFieldTypes {

  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("AutoField", "integer"),
          Map.entry("BigAutoField", "bigint"),
          Map.entry("SmallAutoField", "smallint"),
          Map.entry("IntegerField", "integer"),
          Map.entry("BigIntegerField", "bigint"),
          Map.entry("SmallIntegerField", "smallint"),
          Map.entry("PositiveIntegerField", "integer"),
          Map.entry("PositiveBigIntegerField", "bigint"),
          Map.entry("PositiveSmallIntegerField", "smallint"),
          Map.entry("BooleanField", "boolean"),
          Map.entry("NullBooleanField", "boolean"),
          Map.entry("TextField", "text"),
          Map.entry("DateTimeField", "timestamp with time zone"),
          Map.entry("DateField", "date"),
          Map.entry("TimeField", "time"),
          Map.entry("DurationField", "interval"),
          Map.entry("FloatField", "double precision"),
          Map.entry("UUIDField", "uuid"),
          Map.entry("JSONField", "jsonb"),
          Map.entry("BinaryField", "bytea"),
          Map.entry("GenericIPAddressField", "inet"),
          Map.entry("IPAddressField", "inet"),
          Map.entry("ForeignKey", "bigint"),
          Map.entry("OneToOneField", "bigint"));

  private static final Map<String, Integer> DEFAULT_LENGTHS =
      Map.of(
          "EmailField", 254,
          "SlugField", 50,
          "URLField", 200,
          "FileField", 100,
          "ImageField", 100,
          "FilePathField", 100);

  private DjangoFieldTypes() {}

  /**
   * The simple class name of a field constructor: {@code CharField} for {@code models.CharField}.
   */
  static String fieldClass(PyExpr.Call call) {
    return PyExpr.dotted(call.function()).map(d -> d.substring(d.lastIndexOf('.') + 1)).orElse("");
  }

  /** The column type of a field. */
  static String type(PyExpr.Call field) {
    String cls = fieldClass(field);
    if (cls.equals("CharField") || DEFAULT_LENGTHS.containsKey(cls)) {
      Optional<String> length = field.keyword("max_length").flatMap(DjangoFieldTypes::integer);
      return "varchar("
          + length.orElse(String.valueOf(DEFAULT_LENGTHS.getOrDefault(cls, 255)))
          + ")";
    }
    if (cls.equals("DecimalField")) {
      Optional<String> digits = field.keyword("max_digits").flatMap(DjangoFieldTypes::integer);
      Optional<String> places = field.keyword("decimal_places").flatMap(DjangoFieldTypes::integer);
      return digits.isPresent() && places.isPresent()
          ? "numeric(" + digits.get() + "," + places.get() + ")"
          : "numeric";
    }
    return TYPES.getOrDefault(cls, "");
  }

  /** Whether the column accepts NULL ({@code null=True}). */
  static boolean nullable(PyExpr.Call field) {
    return field
        .keyword("null")
        .filter(v -> v instanceof PyExpr.Literal l && l.text().equals("True"))
        .isPresent();
  }

  private static Optional<String> integer(PyExpr expr) {
    return expr instanceof PyExpr.Literal literal
            && literal.text().chars().allMatch(Character::isDigit)
        ? Optional.of(literal.text())
        : Optional.empty();
  }
}
