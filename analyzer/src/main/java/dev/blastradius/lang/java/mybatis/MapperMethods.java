package dev.blastradius.lang.java.mybatis;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import dev.blastradius.graph.Confidence;
import dev.blastradius.lang.java.Annotations;
import dev.blastradius.lang.java.DeclarationAdapter;
import dev.blastradius.lang.java.JavaSite;
import dev.blastradius.lang.java.StringTemplate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * MyBatis mapper interfaces. Every abstract method of an interface calls the mapped statement of
 * the same name in the namespace of the interface (an XML statement, when there is one);
 * {@code @Select}, {@code @Insert}, {@code @Update}, {@code @Delete} and {@code @SelectKey} give
 * the method's own SQL, read at the annotation; {@code @SelectProvider} and its kin name a provider
 * method whose SQL is found once every file is read. {@code @Results} columns are read by the
 * method, and their {@code @One}/{@code @Many} selects are called by it. Provider methods are kept
 * as candidates wherever they are declared.
 */
public final class MapperMethods implements DeclarationAdapter {

  private static final Set<String> STATEMENTS = Set.of("Select", "Insert", "Update", "Delete");
  private static final Set<String> PROVIDERS =
      Set.of("SelectProvider", "InsertProvider", "UpdateProvider", "DeleteProvider");

  /** What MyBatis calls a provider method when the annotation names none (3.5.1+). */
  private static final String DEFAULT_PROVIDER_METHOD = "provideSql";

  @Override
  public void visit(MethodDeclaration method, TypeDeclaration<?> owner, JavaSite site) {
    ProviderMethods.sql(method, site)
        .ifPresent(
            sql ->
                site.model()
                    .mybatis
                    .providerMethods
                    .add(
                        new MyBatisUses.ProviderMethod(
                            owner.getNameAsString(), method.getNameAsString(), sql)));
    boolean mapperMethod =
        owner instanceof ClassOrInterfaceDeclaration type
            && type.isInterface()
            && method.getBody().isEmpty();
    if (!mapperMethod) {
      return;
    }
    String namespace = site.unitId().substring(0, site.unitId().indexOf('#'));
    site.facts().call(MapperUnits.call(site.unitId(), namespace + "." + method.getNameAsString()));
    ResultAnnotations results = ResultAnnotations.of(method, namespace);
    results.selects().forEach(s -> site.facts().call(MapperUnits.call(site.unitId(), s)));
    for (AnnotationExpr annotation : method.getAnnotations()) {
      String name = annotation.getName().getIdentifier();
      if (STATEMENTS.contains(name)) {
        sql(annotation, "value", site, namespace, results.columns());
      } else if (name.equals("SelectKey")) {
        sql(annotation, "statement", site, namespace, Set.of());
      } else if (PROVIDERS.contains(name)) {
        provider(annotation, method, site, namespace, results.columns());
      }
    }
  }

  /** The SQL of an annotation member: a string or an array of strings joined by spaces. */
  private static void sql(
      AnnotationExpr annotation,
      String member,
      JavaSite site,
      String namespace,
      Set<String> columns) {
    Optional<Expression> value = Annotations.member(annotation, member);
    if (value.isEmpty()) {
      return;
    }
    List<Expression> pieces =
        value.get() instanceof ArrayInitializerExpr array
            ? array.getValues()
            : List.of(value.get());
    StringTemplate sql = StringTemplate.literal("");
    for (int i = 0; i < pieces.size(); i++) {
      sql =
          sql.plus(StringTemplate.literal(i == 0 ? "" : " "))
              .plus(site.strings().evaluate(pieces.get(i)).orElse(StringTemplate.dynamic()));
    }
    if (sql.hasRefs()) {
      site.model()
          .mybatis
          .pending
          .add(
              new MyBatisUses.PendingSql(
                  site.unitId(),
                  site.location(annotation),
                  site.snippet(annotation),
                  sql,
                  namespace,
                  columns));
      return;
    }
    AnnotationSql.record(
        new MappedSql.Site(
            site.facts(),
            site.unitId(),
            site.location(annotation),
            site.snippet(annotation),
            site.context(),
            Confidence.CERTAIN),
        sql,
        namespace,
        columns);
  }

  /** {@code @SelectProvider(type = X.class, method = "m")}, also {@code value = X.class}. */
  private static void provider(
      AnnotationExpr annotation,
      MethodDeclaration method,
      JavaSite site,
      String namespace,
      Set<String> columns) {
    String type =
        Annotations.member(annotation, "type", "value")
            .filter(ClassExpr.class::isInstance)
            .map(e -> ((ClassExpr) e).getType().asString())
            .map(t -> t.substring(t.lastIndexOf('.') + 1))
            .orElse(null);
    List<String> named = Annotations.strings(annotation, "method");
    Set<String> methods = new LinkedHashSet<>(named);
    if (methods.isEmpty()) {
      methods.add(method.getNameAsString());
      methods.add(DEFAULT_PROVIDER_METHOD);
    }
    site.model()
        .mybatis
        .providerUses
        .add(
            new MyBatisUses.ProviderUse(
                site.unitId(),
                site.location(annotation),
                site.snippet(annotation),
                type == null ? "?" : type,
                List.copyOf(methods),
                namespace,
                columns));
  }
}
