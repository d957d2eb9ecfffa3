package dev.blastradius.lang.java.jpa;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.blastradius.lang.java.Annotations;
import dev.blastradius.lang.java.DeclaredTypes;
import dev.blastradius.lang.java.StringEvaluator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads JPA mapping annotations from source ({@code jakarta.persistence} or {@code
 * javax.persistence}, by simple name): {@code @Entity}, {@code @MappedSuperclass},
 * {@code @Embeddable}, {@code @Table}, {@code @Column}, {@code @Id}, {@code @Version},
 * {@code @Embedded}, {@code @AttributeOverride(s)}, relationships with {@code @JoinColumn},
 * {@code @ElementCollection}, {@code @Formula}, {@code @Transient}/{@code transient},
 * {@code @NamedQuery}. Field access is the default; when {@code @Id} sits on a getter, the getters
 * are the attributes (JPA decides access by where the mapping annotations are placed).
 */
public final class EntityReader {

  private static final Set<String> ENTITY = Set.of("Entity");
  private static final Set<String> MAPPED_SUPERCLASS = Set.of("MappedSuperclass");
  private static final Set<String> EMBEDDABLE = Set.of("Embeddable");
  private static final Set<String> ID = Set.of("Id", "EmbeddedId");

  private EntityReader() {}

  /** The mapped class {@code type} declares, if it is one. */
  public static Optional<EntityDecl> read(TypeDeclaration<?> type, String path) {
    EntityDecl.Kind kind;
    if (Annotations.has(type, ENTITY)) {
      kind = EntityDecl.Kind.ENTITY;
    } else if (Annotations.has(type, MAPPED_SUPERCLASS)) {
      kind = EntityDecl.Kind.MAPPED_SUPERCLASS;
    } else if (Annotations.has(type, EMBEDDABLE)) {
      kind = EntityDecl.Kind.EMBEDDABLE;
    } else {
      return Optional.empty();
    }
    String className = type.getNameAsString();
    String entityName =
        Annotations.find(type, ENTITY).map(a -> first(Annotations.strings(a, "name"))).orElse(null);
    String table =
        Annotations.find(type, Set.of("Table"))
            .map(a -> first(Annotations.strings(a, "name", "value")))
            .orElse(null);
    String schema =
        Annotations.find(type, Set.of("Table"))
            .map(a -> first(Annotations.strings(a, "schema")))
            .orElse(null);
    String inheritance =
        Annotations.find(type, Set.of("Inheritance"))
            .flatMap(a -> Annotations.member(a, "strategy"))
            .map(e -> e.toString().substring(e.toString().lastIndexOf('.') + 1))
            .orElse(null);
    String superclass = null;
    if (type instanceof ClassOrInterfaceDeclaration declaration
        && !declaration.getExtendedTypes().isEmpty()) {
      superclass = declaration.getExtendedTypes().get(0).getNameAsString();
    }
    boolean propertyAccess = type.getMethods().stream().anyMatch(m -> Annotations.has(m, ID));
    List<EntityDecl.FieldDecl> fields = propertyAccess ? properties(type) : fields(type);
    return Optional.of(
        new EntityDecl(
            className,
            kind,
            entityName == null ? className : entityName,
            table,
            schema,
            superclass,
            inheritance,
            fields,
            namedQueries(type),
            path));
  }

  private static List<EntityDecl.FieldDecl> fields(TypeDeclaration<?> type) {
    List<EntityDecl.FieldDecl> fields = new ArrayList<>();
    for (FieldDeclaration field : type.getFields()) {
      if (field.isStatic()
          || field.hasModifier(Modifier.Keyword.TRANSIENT)
          || Annotations.has(field, Set.of("Transient"))) {
        continue;
      }
      for (VariableDeclarator variable : field.getVariables()) {
        fields.add(attribute(variable.getNameAsString(), variable.getType(), field));
      }
    }
    return fields;
  }

  /** Property access: every getter not marked {@code @Transient} is an attribute. */
  private static List<EntityDecl.FieldDecl> properties(TypeDeclaration<?> type) {
    List<EntityDecl.FieldDecl> fields = new ArrayList<>();
    for (MethodDeclaration method : type.getMethods()) {
      String name = method.getNameAsString();
      boolean getter =
          method.getParameters().isEmpty()
              && !method.isStatic()
              && ((name.startsWith("get") && name.length() > 3)
                  || (name.startsWith("is") && name.length() > 2));
      if (!getter || Annotations.has(method, Set.of("Transient"))) {
        continue;
      }
      String property = name.startsWith("is") ? name.substring(2) : name.substring(3);
      property = Character.toLowerCase(property.charAt(0)) + property.substring(1);
      fields.add(attribute(property, method.getType(), method));
    }
    return fields;
  }

  private static EntityDecl.FieldDecl attribute(
      String name, Type type, NodeWithAnnotations<?> annotated) {
    String typeName = elementType(type);
    EntityDecl.FieldKind kind = EntityDecl.FieldKind.BASIC;
    String column = null;
    String mappedBy = null;
    String formula = null;
    boolean insertable = true;
    boolean updatable = true;
    if (Annotations.has(annotated, Set.of("Id"))) {
      kind = EntityDecl.FieldKind.ID;
    } else if (Annotations.has(annotated, Set.of("EmbeddedId", "Embedded"))) {
      kind = EntityDecl.FieldKind.EMBEDDED;
    } else if (Annotations.has(annotated, Set.of("Version"))) {
      kind = EntityDecl.FieldKind.VERSION;
    } else if (Annotations.has(annotated, Set.of("ManyToOne"))) {
      kind = EntityDecl.FieldKind.MANY_TO_ONE;
    } else if (Annotations.has(annotated, Set.of("OneToOne"))) {
      kind = EntityDecl.FieldKind.ONE_TO_ONE;
    } else if (Annotations.has(annotated, Set.of("OneToMany"))) {
      kind = EntityDecl.FieldKind.ONE_TO_MANY;
    } else if (Annotations.has(annotated, Set.of("ManyToMany"))) {
      kind = EntityDecl.FieldKind.MANY_TO_MANY;
    } else if (Annotations.has(annotated, Set.of("ElementCollection"))) {
      kind = EntityDecl.FieldKind.ELEMENT_COLLECTION;
    } else if (Annotations.has(annotated, Set.of("Formula"))) {
      kind = EntityDecl.FieldKind.FORMULA;
      formula =
          Annotations.find(annotated, Set.of("Formula"))
              .map(a -> first(Annotations.strings(a, "value")))
              .orElse(null);
    }
    for (String relation : List.of("OneToOne", "OneToMany", "ManyToMany")) {
      Optional<AnnotationExpr> annotation = Annotations.find(annotated, Set.of(relation));
      if (annotation.isPresent()) {
        mappedBy = first(Annotations.strings(annotation.get(), "mappedBy"));
      }
    }
    Optional<AnnotationExpr> columnAnnotation =
        Annotations.find(annotated, Set.of("Column", "JoinColumn"));
    if (columnAnnotation.isPresent()) {
      column = first(Annotations.strings(columnAnnotation.get(), "name"));
      insertable = !bool(columnAnnotation.get(), "insertable", true) ? false : true;
      updatable = bool(columnAnnotation.get(), "updatable", true);
    }
    return new EntityDecl.FieldDecl(
        name,
        typeName,
        kind,
        column,
        insertable,
        updatable,
        overrides(annotated),
        mappedBy,
        formula);
  }

  /**
   * {@code @AttributeOverride(name = "city", column = @Column(name = "home_city"))}, one or many.
   */
  private static Map<String, String> overrides(NodeWithAnnotations<?> annotated) {
    Map<String, String> result = new LinkedHashMap<>();
    for (AnnotationExpr annotation : annotated.getAnnotations()) {
      String name = annotation.getName().getIdentifier();
      if (name.equals("AttributeOverride")) {
        override(annotation, result);
      } else if (name.equals("AttributeOverrides")) {
        Annotations.member(annotation, "value")
            .ifPresent(v -> nested(v).forEach(a -> override(a, result)));
      }
    }
    return result;
  }

  private static List<AnnotationExpr> nested(Expression value) {
    if (value instanceof ArrayInitializerExpr array) {
      return array.getValues().stream()
          .filter(Expression::isAnnotationExpr)
          .map(Expression::asAnnotationExpr)
          .toList();
    }
    return value.isAnnotationExpr() ? List.of(value.asAnnotationExpr()) : List.of();
  }

  private static void override(AnnotationExpr annotation, Map<String, String> into) {
    String attribute = first(Annotations.strings(annotation, "name"));
    String column =
        Annotations.member(annotation, "column")
            .filter(Expression::isAnnotationExpr)
            .map(c -> first(Annotations.strings(c.asAnnotationExpr(), "name")))
            .orElse(null);
    if (attribute != null && column != null) {
      into.put(attribute, column);
    }
  }

  private static Map<String, String> namedQueries(TypeDeclaration<?> type) {
    Map<String, String> queries = new LinkedHashMap<>();
    List<AnnotationExpr> annotations = new ArrayList<>();
    for (AnnotationExpr annotation : type.getAnnotations()) {
      String name = annotation.getName().getIdentifier();
      if (name.equals("NamedQuery")) {
        annotations.add(annotation);
      } else if (name.equals("NamedQueries")) {
        Annotations.member(annotation, "value").ifPresent(v -> annotations.addAll(nested(v)));
      }
    }
    for (AnnotationExpr annotation : annotations) {
      String name = first(Annotations.strings(annotation, "name"));
      String query = first(Annotations.strings(annotation, "query"));
      if (name != null && query != null) {
        queries.put(name, query);
      }
    }
    return queries;
  }

  /**
   * The simple name a method returns, looking through collections, {@code Optional}, {@code Page},
   * {@code Stream} and friends to the element type.
   */
  public static String simpleReturnType(Type type) {
    return elementType(type);
  }

  /** The type's simple name; for {@code List<Order>} and friends, the element type's. */
  static String elementType(Type type) {
    if (type instanceof ClassOrInterfaceType classType
        && classType.getTypeArguments().isPresent()
        && !classType.getTypeArguments().get().isEmpty()) {
      Type argument =
          classType.getTypeArguments().get().get(classType.getTypeArguments().get().size() - 1);
      return DeclaredTypes.simpleName(argument);
    }
    return DeclaredTypes.simpleName(type);
  }

  private static boolean bool(AnnotationExpr annotation, String member, boolean fallback) {
    return Annotations.member(annotation, member)
        .map(e -> e.toString().toLowerCase(Locale.ROOT).equals("true"))
        .orElse(fallback);
  }

  private static String first(List<String> values) {
    return values.isEmpty() || values.get(0).contains(StringEvaluator.DYNAMIC)
        ? null
        : values.get(0);
  }
}
