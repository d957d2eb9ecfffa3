package dev.blastradius.lang.java;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.blastradius.graph.CallSite;
import dev.blastradius.graph.CodeUnit;
import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.LanguageFrontend;
import dev.blastradius.lang.java.entrypoints.AuthenticationEntryPoints;
import dev.blastradius.lang.java.entrypoints.FunctionalRoutes;
import dev.blastradius.lang.java.entrypoints.JaxRsEntryPoints;
import dev.blastradius.lang.java.entrypoints.JobEntryPoints;
import dev.blastradius.lang.java.entrypoints.MainMethodEntryPoints;
import dev.blastradius.lang.java.entrypoints.MessagingEntryPoints;
import dev.blastradius.lang.java.entrypoints.ScheduledEntryPoints;
import dev.blastradius.lang.java.entrypoints.ServletEntryPoints;
import dev.blastradius.lang.java.entrypoints.SpringWebEntryPoints;
import dev.blastradius.lang.java.jdbc.JdbcAdapter;
import dev.blastradius.lang.java.jdbc.SimpleJdbcInsertAdapter;
import dev.blastradius.lang.java.jooq.JooqChains;
import dev.blastradius.lang.java.jooq.JooqRecords;
import dev.blastradius.lang.java.jooq.JooqTableReader;
import dev.blastradius.lang.java.jpa.EntityReader;
import dev.blastradius.lang.java.link.DataCallAdapter;
import dev.blastradius.lang.java.link.JavaFileModel;
import dev.blastradius.lang.java.link.JavaLinker;
import dev.blastradius.lang.java.mybatis.MapperMethods;
import dev.blastradius.lang.java.mybatis.SqlSessionCalls;
import dev.blastradius.lang.java.springdata.RepositoryReader;
import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.Language;
import dev.blastradius.source.SourceFile;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Java frontend: JavaParser over one file (one parser per thread, the tree dropped after
 * extraction). Every method and constructor is a {@link CodeUnit}; its calls feed the call graph,
 * its annotations the entry-point adapters, its method calls the access adapters.
 */
public final class JavaFrontend implements LanguageFrontend {

  /** One adapter per framework, in this explicit list. */
  private static final List<AccessAdapter> ACCESS_ADAPTERS =
      List.of(
          new JdbcAdapter(),
          new SimpleJdbcInsertAdapter(),
          new DataCallAdapter(),
          new FunctionalRoutes(),
          new SqlSessionCalls(),
          new JooqChains(),
          new JooqRecords());

  /** One adapter per framework that declares SQL on methods, in this explicit list. */
  private static final List<DeclarationAdapter> DECLARATION_ADAPTERS = List.of(new MapperMethods());

  private static final Set<String> TRANSACTIONAL = Set.of("Transactional");

  /** One adapter per entry-point family, in this explicit list. */
  private static final List<EntryPointAdapter> ENTRY_POINT_ADAPTERS =
      List.of(
          new SpringWebEntryPoints(),
          new JaxRsEntryPoints(),
          new ServletEntryPoints(),
          new ScheduledEntryPoints(),
          new MessagingEntryPoints(),
          new JobEntryPoints(),
          new AuthenticationEntryPoints(),
          new MainMethodEntryPoints());

  /**
   * RAW: the newest grammar without post-processing or validation (which costs about a third of the
   * Java frontend's time); we read code, we do not judge it.
   */
  private static final ThreadLocal<JavaParser> RAW_PARSER =
      ThreadLocal.withInitial(() -> parser(ParserConfiguration.LanguageLevel.RAW));

  /**
   * Java 21, for files with {@code yield} in them: RAW turns {@code yield x.y()} into a syntax
   * error and silently drops the other {@code yield} statements of switch expressions, and with
   * them the calls they make.
   */
  private static final ThreadLocal<JavaParser> JAVA_21_PARSER =
      ThreadLocal.withInitial(() -> parser(ParserConfiguration.LanguageLevel.JAVA_21));

  private static JavaParser parser(ParserConfiguration.LanguageLevel level) {
    return new JavaParser(
        new ParserConfiguration().setLanguageLevel(level).setAttributeComments(false));
  }

  /**
   * RAW, or Java 21 when the text has {@code yield} anywhere (a cheap prefilter: most files have
   * none); when Java 21 rejects such a file (old code using {@code yield} or {@code _} as a name),
   * the RAW parse if that one succeeds.
   */
  static ParseResult<CompilationUnit> parse(String text) {
    if (!text.contains("yield")) {
      return RAW_PARSER.get().parse(text);
    }
    ParseResult<CompilationUnit> result = JAVA_21_PARSER.get().parse(text);
    if (result.isSuccessful()) {
      return result;
    }
    ParseResult<CompilationUnit> raw = RAW_PARSER.get().parse(text);
    return raw.isSuccessful() ? raw : result;
  }

  @Override
  public Language language() {
    return Language.JAVA;
  }

  @Override
  public FileFacts extract(SourceFile file, String text, ExtractContext context) {
    FileFacts.Builder facts = new FileFacts.Builder(file.path());
    ParseResult<CompilationUnit> result = parse(text);
    for (Problem problem : result.getProblems()) {
      int line =
          problem
              .getLocation()
              .flatMap(l -> l.getBegin().getRange())
              .map(r -> r.begin.line)
              .orElse(0);
      facts.problem(
          new AnalysisProblem(
              file.path(), "extract", "Java syntax error: " + problem.getMessage(), line));
    }
    if (result.getResult().isEmpty()) {
      return facts.build();
    }
    CompilationUnit unit = result.getResult().get();
    List<String> lines = text.lines().toList();
    boolean testCode = file.path().contains("src/test/");
    JavaFileModel model = new JavaFileModel();
    for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
      facts.type(type.getNameAsString(), supertypes(type));
      DeclaredTypes fields = DeclaredTypes.forType(type);
      declarations(type, fields, file.path(), model);
      for (CallableDeclaration<?> callable : callables(type)) {
        callable(callable, type, fields, facts, context, lines, testCode, model);
      }
    }
    return facts.state(model).build();
  }

  /** What the type declares for other files: constants, JPA mappings, repository interfaces. */
  private static void declarations(
      TypeDeclaration<?> type, DeclaredTypes fields, String path, JavaFileModel model) {
    StringEvaluator strings = new StringEvaluator(fields, type);
    boolean constantsByDefault = type instanceof ClassOrInterfaceDeclaration c && c.isInterface();
    for (FieldDeclaration field : type.getFields()) {
      if (!(constantsByDefault || (field.isStatic() && field.isFinal()))) {
        continue;
      }
      for (VariableDeclarator variable : field.getVariables()) {
        variable
            .getInitializer()
            .flatMap(strings::evaluate)
            .ifPresent(
                v ->
                    model.constants.put(
                        type.getNameAsString() + "." + variable.getNameAsString(), v));
      }
    }
    EntityReader.read(type, path).ifPresent(model.entities::add);
    RepositoryReader.read(type, strings).ifPresent(model.repositories::add);
    JooqTableReader.read(type, model.jooq);
    projection(type).ifPresent(p -> model.projections.put(type.getNameAsString(), p));
    beanProperties(type).ifPresent(p -> model.beanProperties.put(type.getNameAsString(), p));
  }

  /** The instance fields of a class, or the components of a record: what a row mapper binds. */
  private static java.util.Optional<List<String>> beanProperties(TypeDeclaration<?> type) {
    if (type instanceof RecordDeclaration record) {
      return java.util.Optional.of(
          record.getParameters().stream().map(p -> p.getNameAsString()).toList());
    }
    if (!(type instanceof ClassOrInterfaceDeclaration declaration) || declaration.isInterface()) {
      return java.util.Optional.empty();
    }
    List<String> properties =
        declaration.getFields().stream()
            .filter(f -> !f.isStatic())
            .flatMap(f -> f.getVariables().stream())
            .map(VariableDeclarator::getNameAsString)
            .toList();
    return properties.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(properties);
  }

  /** The properties a projection type exposes: getters of an interface, components of a record. */
  private static java.util.Optional<List<String>> projection(TypeDeclaration<?> type) {
    if (type instanceof RecordDeclaration record) {
      return java.util.Optional.of(
          record.getParameters().stream().map(p -> p.getNameAsString()).toList());
    }
    if (!(type instanceof ClassOrInterfaceDeclaration declaration) || !declaration.isInterface()) {
      return java.util.Optional.empty();
    }
    List<String> properties = new java.util.ArrayList<>();
    for (MethodDeclaration method : declaration.getMethods()) {
      String name = method.getNameAsString();
      if (method.getParameters().isEmpty() && name.startsWith("get") && name.length() > 3) {
        properties.add(Character.toLowerCase(name.charAt(3)) + name.substring(4));
      }
    }
    return properties.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(properties);
  }

  @Override
  public List<FileFacts> link(List<FileFacts> files, ExtractContext context) {
    return new JavaLinker(context).link(files);
  }

  private static void callable(
      CallableDeclaration<?> callable,
      TypeDeclaration<?> owner,
      DeclaredTypes fields,
      FileFacts.Builder facts,
      ExtractContext context,
      List<String> lines,
      boolean testCode,
      JavaFileModel model) {
    String unitId = unitId(owner, callable);
    DeclaredTypes names = fields.forCallable(callable);
    boolean transactional =
        Annotations.has(callable, TRANSACTIONAL) || Annotations.has(owner, TRANSACTIONAL);
    JavaSite site =
        new JavaSite(facts, unitId, names, callable, context, lines, model, transactional);
    facts.unit(
        new CodeUnit(
            unitId,
            owner.getNameAsString(),
            callable.getNameAsString(),
            callable.getParameters().size(),
            site.location(callable.getName())));
    if (callable instanceof MethodDeclaration method) {
      for (EntryPointAdapter adapter : ENTRY_POINT_ADAPTERS) {
        adapter.entryPoints(method, owner, site).forEach(e -> facts.entryPoint(unitId, e));
      }
      for (DeclarationAdapter adapter : DECLARATION_ADAPTERS) {
        adapter.visit(method, owner, site);
      }
    }
    if (testCode) {
      facts.entryPoint(
          unitId,
          new EntryPoint(
              EntryPointKind.TEST,
              owner.getNameAsString() + "." + callable.getNameAsString(),
              site.location(callable.getName())));
    }
    for (MethodCallExpr call : callable.findAll(MethodCallExpr.class)) {
      if (!ownedBy(call, callable)) {
        continue;
      }
      facts.call(
          new CallSite(
              unitId,
              call.getNameAsString(),
              call.getArguments().size(),
              names.receiverType(call.getScope()).orElse(null)));
      for (AccessAdapter adapter : ACCESS_ADAPTERS) {
        adapter.visit(call, site);
      }
    }
  }

  /** The methods and constructors declared directly in {@code type} (not in nested types). */
  private static List<CallableDeclaration<?>> callables(TypeDeclaration<?> type) {
    return type.getMembers().stream()
        .filter(CallableDeclaration.class::isInstance)
        .<CallableDeclaration<?>>map(m -> (CallableDeclaration<?>) m)
        .toList();
  }

  /**
   * True when {@code callable} is the nearest enclosing member of a named type around {@code node}.
   * Methods of anonymous classes belong to the member that creates them.
   */
  private static boolean ownedBy(Node node, CallableDeclaration<?> callable) {
    for (Node current = node.getParentNode().orElse(null);
        current != null;
        current = current.getParentNode().orElse(null)) {
      if (current instanceof CallableDeclaration<?>
          && current.getParentNode().filter(TypeDeclaration.class::isInstance).isPresent()) {
        return current == callable;
      }
    }
    return false;
  }

  /** {@code com.acme.UserDao#findName/1}; nested types are joined with {@code $}. */
  static String unitId(TypeDeclaration<?> owner, CallableDeclaration<?> callable) {
    return qualifiedName(owner)
        + "#"
        + callable.getNameAsString()
        + "/"
        + callable.getParameters().size();
  }

  private static String qualifiedName(TypeDeclaration<?> type) {
    StringBuilder name = new StringBuilder(type.getNameAsString());
    Node parent = type.getParentNode().orElse(null);
    while (parent instanceof TypeDeclaration<?> outer) {
      name.insert(0, outer.getNameAsString() + "$");
      parent = outer.getParentNode().orElse(null);
    }
    String packageName =
        type.findCompilationUnit()
            .flatMap(CompilationUnit::getPackageDeclaration)
            .map(p -> p.getNameAsString() + ".")
            .orElse("");
    return packageName + name;
  }

  private static Set<String> supertypes(TypeDeclaration<?> type) {
    Set<String> result = new LinkedHashSet<>();
    List<ClassOrInterfaceType> direct = List.of();
    if (type instanceof ClassOrInterfaceDeclaration declaration) {
      direct =
          java.util.stream.Stream.concat(
                  declaration.getExtendedTypes().stream(),
                  declaration.getImplementedTypes().stream())
              .toList();
    } else if (type instanceof EnumDeclaration declaration) {
      direct = declaration.getImplementedTypes();
    } else if (type instanceof RecordDeclaration declaration) {
      direct = declaration.getImplementedTypes();
    }
    direct.forEach(t -> result.add(t.getNameAsString()));
    return result;
  }
}
