package dev.blastradius;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.blastradius.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The import rules of DESIGN §2, checked by parsing our own main sources: each third-party parser
 * is imported by exactly one package, rules never see a syntax tree, the model packages depend on
 * nothing above them, and picocli stays in the CLI.
 */
class ArchitectureTest {

  /** A package prefix may only be used from packages starting with one of {@code allowedIn}. */
  private record Restriction(String usedPrefix, List<String> allowedIn) {}

  private static final String ROOT = "dev.blastradius.";

  private static final List<Restriction> THIRD_PARTY =
      List.of(
          new Restriction("net.sf.jsqlparser", List.of(ROOT + "lang.sql")),
          new Restriction("org.antlr", List.of(ROOT + "lang.sql")),
          new Restriction("com.github.javaparser", List.of(ROOT + "lang.java")),
          new Restriction("org.commonmark", List.of(ROOT + "lang.ops.docs")),
          new Restriction(
              "org.treesitter",
              List.of(
                  ROOT + "lang.treesitter",
                  ROOT + "lang.ts",
                  ROOT + "lang.python",
                  ROOT + "lang.shell",
                  ROOT + "lang.ops.sched")),
          new Restriction("picocli", List.of(ROOT + "cli")));

  /** Packages and the packages of ours they must not use. */
  private static final List<Restriction> LAYERS =
      List.of(
          new Restriction(ROOT + "lang", List.of(ROOT + "lang", ROOT + "pipeline")),
          new Restriction(
              ROOT + "pipeline", List.of(ROOT + "pipeline", ROOT + "cli", ROOT + "report")),
          new Restriction(ROOT + "report", List.of(ROOT + "report", ROOT + "cli")),
          new Restriction(ROOT + "cli", List.of(ROOT + "cli")),
          new Restriction(
              ROOT + "rules",
              List.of(ROOT + "rules", ROOT + "pipeline", ROOT + "report", ROOT + "cli")),
          new Restriction(
              ROOT + "config", List.of(ROOT + "config", ROOT + "cli", ROOT + "pipeline")));

  @Test
  void importRulesHold() throws IOException {
    Path sources = TestPaths.repo().resolve("analyzer/src/main/java");
    JavaParser parser =
        new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    List<String> violations = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(50);
    for (Path file : files) {
      CompilationUnit unit = parser.parse(file).getResult().orElseThrow();
      String pkg = unit.getPackageDeclaration().orElseThrow().getNameAsString();
      List<String> used = new ArrayList<>();
      for (ImportDeclaration declaration : unit.getImports()) {
        used.add(declaration.getNameAsString());
      }
      // Fully qualified type names in code (java.util.List, net.sf.jsqlparser.schema.Table).
      unit.findAll(ClassOrInterfaceType.class).stream()
          .map(ClassOrInterfaceType::asString)
          .filter(t -> Character.isLowerCase(t.charAt(0)) && t.contains("."))
          .forEach(used::add);
      for (String name : used) {
        for (Restriction restriction : THIRD_PARTY) {
          check(restriction, name, pkg, file, violations);
        }
        for (Restriction restriction : LAYERS) {
          check(restriction, name, pkg, file, violations);
        }
      }
      if (pkg.startsWith(ROOT + "change")
          || pkg.startsWith(ROOT + "graph")
          || pkg.startsWith(ROOT + "schema")
          || pkg.startsWith(ROOT + "source")) {
        for (String name : used) {
          boolean ours = name.startsWith(ROOT);
          boolean model =
              name.startsWith(ROOT + "change")
                  || name.startsWith(ROOT + "graph")
                  || name.startsWith(ROOT + "schema")
                  || name.startsWith(ROOT + "source");
          boolean thirdParty = !name.startsWith("java.") && !ours;
          if ((ours && !model) || thirdParty) {
            violations.add(sources.relativize(file) + ": model package " + pkg + " uses " + name);
          }
        }
      }
    }
    assertThat(violations).as("architecture violations").isEmpty();
  }

  private static void check(
      Restriction restriction, String name, String pkg, Path file, List<String> violations) {
    if (!name.startsWith(restriction.usedPrefix() + ".")
        && !name.equals(restriction.usedPrefix())) {
      return;
    }
    boolean allowed =
        restriction.allowedIn().stream().anyMatch(a -> pkg.equals(a) || pkg.startsWith(a + "."));
    if (!allowed) {
      violations.add(
          file.getFileName()
              + " in "
              + pkg
              + " uses "
              + name
              + " (only "
              + restriction.allowedIn()
              + " may)");
    }
  }
}
