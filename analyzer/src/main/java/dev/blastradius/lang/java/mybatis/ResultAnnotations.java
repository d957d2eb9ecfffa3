package dev.blastradius.lang.java.mybatis;

import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import dev.blastradius.lang.java.Annotations;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a mapper method's result annotations read: the {@code column} of every {@code @Result},
 * {@code @Arg} and {@code @TypeDiscriminator}, and the statements their {@code @One}/{@code @Many}
 * load nested results with.
 *
 * @param columns result-set column names, lower case
 * @param selects full ids of the statements called for nested results
 */
record ResultAnnotations(Set<String> columns, Set<String> selects) {

  private static final Set<String> COLUMN_HOLDERS = Set.of("Result", "Arg", "TypeDiscriminator");
  private static final Set<String> NESTED = Set.of("One", "Many");

  /** The result annotations on {@code method}, a method of the mapper {@code namespace}. */
  static ResultAnnotations of(MethodDeclaration method, String namespace) {
    Set<String> columns = new LinkedHashSet<>();
    Set<String> selects = new LinkedHashSet<>();
    for (AnnotationExpr annotation : method.findAll(AnnotationExpr.class)) {
      String name = annotation.getName().getIdentifier();
      if (COLUMN_HOLDERS.contains(name)) {
        Annotations.strings(annotation, "column").stream()
            .filter(c -> !c.isBlank())
            .forEach(c -> columns.add(c.strip().toLowerCase(Locale.ROOT)));
      } else if (NESTED.contains(name)) {
        Annotations.strings(annotation, "select").stream()
            .filter(s -> !s.isBlank())
            .forEach(s -> selects.add(Mappers.qualify(namespace, s)));
      }
    }
    return new ResultAnnotations(
        Collections.unmodifiableSet(columns), Collections.unmodifiableSet(selects));
  }
}
