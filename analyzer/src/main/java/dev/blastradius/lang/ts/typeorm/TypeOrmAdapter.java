package dev.blastradius.lang.ts.typeorm;

import dev.blastradius.lang.ts.CallChain;
import dev.blastradius.lang.ts.JsValue;
import dev.blastradius.lang.ts.TsAdapter;
import dev.blastradius.lang.ts.TsCall;
import dev.blastradius.lang.ts.TsNode;
import dev.blastradius.lang.ts.TsSite;
import dev.blastradius.lang.ts.TsSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TypeORM: entity classes ({@code @Entity}, {@code @Column}, relations, embedded classes, base
 * classes), {@code SnakeNamingStrategy} in the data source, and the calls of repositories ({@code
 * dataSource.getRepository(User)}, {@code @InjectRepository(User) repo: Repository<User>}, {@code
 * User.find()} on a {@code BaseEntity}), entity managers ({@code manager.find(User, …)}) and query
 * builders ({@code createQueryBuilder('u')}). Entities are usually declared in another file, so the
 * calls are finished at link time ({@link TypeOrmCall}). Raw {@code query('SQL')} calls are read by
 * the raw SQL adapter.
 */
public final class TypeOrmAdapter implements TsAdapter {

  /** Repository and entity-manager methods that touch the database. */
  static final Set<String> METHODS =
      Set.of(
          "find",
          "findBy",
          "findOne",
          "findOneBy",
          "findOneOrFail",
          "findOneByOrFail",
          "findAndCount",
          "findAndCountBy",
          "findByIds",
          "count",
          "countBy",
          "exist",
          "exists",
          "existsBy",
          "sum",
          "average",
          "minimum",
          "maximum",
          "save",
          "insert",
          "update",
          "upsert",
          "delete",
          "remove",
          "softDelete",
          "softRemove",
          "restore",
          "recover",
          "increment",
          "decrement",
          "clear");

  private static final Set<String> REPOSITORY_TYPES =
      Set.of("Repository", "TreeRepository", "MongoRepository");

  private static final Map<String, TypeOrmEntity.Kind> COLUMN_DECORATORS =
      Map.of(
          "Column", TypeOrmEntity.Kind.COLUMN,
          "PrimaryColumn", TypeOrmEntity.Kind.PRIMARY,
          "PrimaryGeneratedColumn", TypeOrmEntity.Kind.PRIMARY,
          "ObjectIdColumn", TypeOrmEntity.Kind.PRIMARY,
          "CreateDateColumn", TypeOrmEntity.Kind.CREATE_DATE,
          "UpdateDateColumn", TypeOrmEntity.Kind.UPDATE_DATE,
          "DeleteDateColumn", TypeOrmEntity.Kind.DELETE_DATE,
          "VersionColumn", TypeOrmEntity.Kind.VERSION);

  @Override
  public void module(TsSite site) {
    if (!site.importsFrom("typeorm")) {
      return;
    }
    for (TsNode statement : TsSource.named(site.source().root())) {
      List<TsNode> decorators = new ArrayList<>();
      TsNode declaration = statement;
      if (statement.getType().equals("export_statement")) {
        TsSource.named(statement).stream()
            .filter(n -> n.getType().equals("decorator"))
            .forEach(decorators::add);
        declaration = TsSource.field(statement, "declaration");
      }
      String type = TsSource.type(declaration);
      if (type.equals("class_declaration") || type.equals("abstract_class_declaration")) {
        entity(declaration, decorators, site);
      }
    }
  }

  /** Reads one class; records it when it is an entity or declares mapped columns. */
  private static void entity(TsNode declaration, List<TsNode> decorators, TsSite site) {
    TsSource.named(declaration).stream()
        .filter(n -> n.getType().equals("decorator"))
        .forEach(decorators::add);
    TsNode name = TsSource.field(declaration, "name");
    TsNode body = TsSource.field(declaration, "body");
    if (name == null || body == null) {
      return;
    }
    boolean entity = false;
    String table = null;
    String schema = null;
    for (TsNode decorator : decorators) {
      Decorator read = decorator(decorator, site);
      if (read.name().equals("Entity") || read.name().equals("ViewEntity")) {
        entity = read.name().equals("Entity");
        JsValue first = read.args().isEmpty() ? null : read.args().get(0);
        JsValue options = read.args().size() > 1 ? read.args().get(1) : first;
        if (first != null) {
          table = first.string().orElse(null);
        }
        if (options instanceof JsValue.Obj object) {
          table = object.get("name").flatMap(JsValue::string).orElse(table);
          schema = object.get("schema").flatMap(JsValue::string).orElse(null);
        }
      }
    }
    List<TypeOrmEntity.Field> fields = new ArrayList<>();
    for (TsNode member : TsSource.named(body)) {
      if (member.getType().equals("public_field_definition")
          || member.getType().equals("field_definition")) {
        field(member, site).ifPresent(fields::add);
      }
    }
    if (!entity && fields.isEmpty()) {
      return;
    }
    String base = null;
    TsNode heritage = TsSource.child(declaration, "class_heritage");
    TsNode extendsClause = heritage == null ? null : TsSource.child(heritage, "extends_clause");
    if (extendsClause != null) {
      TsNode value = TsSource.field(extendsClause, "value");
      if (value == null && !TsSource.named(extendsClause).isEmpty()) {
        value = TsSource.named(extendsClause).get(0);
      }
      if (TsSource.type(value).equals("identifier")) {
        base = site.source().text(value);
      }
    }
    String className = site.source().text(name);
    site.module()
        .typeormEntities
        .put(className, new TypeOrmEntity(className, entity, table, schema, base, fields));
    site.module().touchesDatabase = true;
  }

  private record Decorator(String name, List<JsValue> args) {}

  /** {@code @Name(args)} or {@code @Name}. */
  private static Decorator decorator(TsNode decorator, TsSite site) {
    TsNode inner = TsSource.named(decorator).stream().findFirst().orElse(null);
    if (TsSource.type(inner).equals("identifier")) {
      return new Decorator(site.source().text(inner), List.of());
    }
    if (!TsSource.type(inner).equals("call_expression")) {
      return new Decorator("", List.of());
    }
    TsNode function = TsSource.field(inner, "function");
    TsNode arguments = TsSource.field(inner, "arguments");
    List<JsValue> args = new ArrayList<>();
    if (TsSource.type(arguments).equals("arguments")) {
      TsSource.named(arguments).forEach(a -> args.add(site.value(a)));
    }
    return new Decorator(function == null ? "" : site.source().text(function), args);
  }

  /** One property of an entity class, if a TypeORM decorator maps it. */
  private static java.util.Optional<TypeOrmEntity.Field> field(TsNode member, TsSite site) {
    TsNode nameNode = TsSource.field(member, "name");
    if (nameNode == null) {
      return java.util.Optional.empty();
    }
    String property = site.source().text(nameNode);
    TypeOrmEntity.Kind kind = null;
    String column = null;
    String target = null;
    String prefix = null;
    String relation = null;
    String joinColumn = null;
    boolean joined = false;
    for (TsNode child : TsSource.named(member)) {
      if (!child.getType().equals("decorator")) {
        continue;
      }
      Decorator read = decorator(child, site);
      String decorator = read.name();
      if (COLUMN_DECORATORS.containsKey(decorator)) {
        kind = COLUMN_DECORATORS.get(decorator);
        for (JsValue arg : read.args()) {
          if (arg instanceof JsValue.Obj options) {
            column = options.get("name").flatMap(JsValue::string).orElse(column);
            JsValue given = options.get("prefix").orElse(null);
            if (given instanceof JsValue.Bool bool && !bool.value()) {
              prefix = "";
            } else if (given != null) {
              prefix = given.string().orElse(prefix);
            }
          } else if (arg instanceof JsValue.Fn fn && decorator.equals("Column")) {
            kind = TypeOrmEntity.Kind.EMBEDDED;
            target = fn.body() == null ? null : fn.body().dotted().orElse(null);
          }
        }
      } else if (Set.of("ManyToOne", "OneToOne", "OneToMany", "ManyToMany").contains(decorator)) {
        relation = decorator;
        JsValue first = read.args().isEmpty() ? null : read.args().get(0);
        if (first instanceof JsValue.Fn fn && fn.body() != null) {
          target = fn.body().dotted().orElse(null);
        } else if (first != null) {
          target = first.string().orElse(null);
        }
      } else if (decorator.equals("JoinColumn")) {
        joined = true;
        JsValue first = read.args().isEmpty() ? null : read.args().get(0);
        if (first instanceof JsValue.Obj options) {
          joinColumn = options.get("name").flatMap(JsValue::string).orElse(null);
        }
      }
    }
    if (relation != null) {
      boolean owning = relation.equals("ManyToOne") || (relation.equals("OneToOne") && joined);
      return java.util.Optional.of(
          new TypeOrmEntity.Field(
              property,
              owning ? TypeOrmEntity.Kind.OWNING_RELATION : TypeOrmEntity.Kind.INVERSE_RELATION,
              joinColumn,
              target,
              null));
    }
    if (kind == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new TypeOrmEntity.Field(property, kind, column, target, prefix));
  }

  @Override
  public void call(TsCall call, TsSite site) {
    if (call.isNew()) {
      TsNode constructor = TsSource.field(call.node(), "constructor");
      if (constructor != null
          && site.source().text(constructor).equals("SnakeNamingStrategy")
          && site.importsFrom("typeorm-naming-strategies")) {
        site.module().typeormSnakeNaming = true;
      }
      return;
    }
    if (!call.chainHead()) {
      return;
    }
    CallChain chain = call.chain();
    List<CallChain.Link> links = chain.links();
    if (links.isEmpty()) {
      return;
    }
    int builder = chain.indexOf("createQueryBuilder");
    int start = builder >= 0 ? builder : firstMethod(links);
    if (start < 0 || !links.get(start).isCall()) {
      return;
    }
    String repository = repositoryEntity(chain, start, call.node(), site);
    List<TypeOrmCall.Step> steps = new ArrayList<>();
    for (int i = start; i < links.size(); i++) {
      CallChain.Link link = links.get(i);
      List<JsValue> args = new ArrayList<>();
      if (link.isCall()) {
        link.arguments().forEach(a -> args.add(site.value(a)));
      }
      steps.add(new TypeOrmCall.Step(link.name() == null ? "()" : link.name(), args));
    }
    JsValue first = steps.get(0).args().isEmpty() ? null : steps.get(0).args().get(0);
    boolean managerForm =
        first instanceof JsValue.Ident ident
            && !ident.name().isEmpty()
            && Character.isUpperCase(ident.name().charAt(0));
    if (repository == null && !managerForm && builder < 0) {
      return;
    }
    TypeOrmCall.Saved saved = null;
    if (builder < 0 && first != null) {
      JsValue entityArg =
          managerForm && steps.get(0).args().size() > 1 ? steps.get(0).args().get(1) : first;
      if (entityArg instanceof JsValue.Ident variable) {
        saved = saved(variable.name(), call.node(), site);
      }
    }
    site.module()
        .pending
        .add(
            new TypeOrmCall(
                call.unitId(),
                site.site(call.node()),
                site.snippet(call.node()),
                repository,
                builder >= 0,
                steps,
                saved));
  }

  /** The first link that is a repository or manager method. */
  private static int firstMethod(List<CallChain.Link> links) {
    for (int i = 0; i < links.size(); i++) {
      if (links.get(i).name() != null
          && METHODS.contains(links.get(i).name())
          && links.get(i).isCall()) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The entity (its local name) of the repository a method at {@code start} is called on: {@code
   * getRepository(User).find}, {@code this.users.find} with {@code users: Repository<User>}, {@code
   * repo.find} with {@code const repo = ds.getRepository(User)}, or {@code User.find} (an active
   * record entity, confirmed at link time). Null when there is none.
   */
  private static String repositoryEntity(CallChain chain, int start, TsNode node, TsSite site) {
    List<CallChain.Link> links = chain.links();
    if (start > 0) {
      CallChain.Link previous = links.get(start - 1);
      if ("getRepository".equals(previous.name()) && previous.isCall()) {
        return site.value(previous.first()).dotted().orElse(null);
      }
    }
    if (start == 1 && chain.rootText().equals("this") && !links.get(0).isCall()) {
      String owner = ownerClass(node, site);
      return owner == null
          ? null
          : repositoryType(site.module().types.get(owner + "." + links.get(0).name()));
    }
    if (start == 0 && TsSource.type(chain.root()).equals("identifier")) {
      String root = chain.rootText();
      String typed = repositoryType(site.module().types.get(root));
      if (typed != null) {
        return typed;
      }
      TsNode local = localValue(root, node, site);
      JsValue bound = local != null ? site.value(local) : site.resolvedValue(chain.root());
      if (bound instanceof JsValue.Call repoCall
          && repoCall.callee() instanceof JsValue.Member member
          && member.property().equals("getRepository")
          && !repoCall.args().isEmpty()) {
        return repoCall.args().get(0).dotted().orElse(null);
      }
      if (!root.isEmpty() && Character.isUpperCase(root.charAt(0))) {
        return root;
      }
    }
    return null;
  }

  /** The value a {@code const}/{@code let} of the function around {@code node} binds, or null. */
  private static TsNode localValue(String name, TsNode node, TsSite site) {
    TsNode function = enclosingFunction(node);
    if (!TsSource.present(function) || function.getType().equals("program")) {
      return null;
    }
    List<TsNode> pending = new ArrayList<>(List.of(function));
    int visited = 0;
    while (!pending.isEmpty() && visited++ < 20_000) {
      TsNode current = pending.remove(pending.size() - 1);
      if (current.getType().equals("variable_declarator")) {
        TsNode declared = TsSource.field(current, "name");
        if (declared != null
            && declared.getType().equals("identifier")
            && current.getStartByte() < node.getStartByte()
            && name.equals(site.source().text(declared))) {
          return TsSource.unwrap(TsSource.field(current, "value"));
        }
      }
      pending.addAll(TsSource.named(current));
    }
    return null;
  }

  /** The function (or the program) a node is in. */
  private static TsNode enclosingFunction(TsNode node) {
    TsNode function = node;
    while (TsSource.present(function)
        && !Set.of(
                "function_declaration",
                "function_expression",
                "arrow_function",
                "method_definition",
                "program")
            .contains(function.getType())) {
      function = function.getParent();
    }
    return function;
  }

  /** {@code Repository<User>} → {@code User}; null for other types. */
  private static String repositoryType(String type) {
    if (type == null) {
      return null;
    }
    int open = type.indexOf('<');
    int close = type.lastIndexOf('>');
    if (open < 0 || close < open || !REPOSITORY_TYPES.contains(type.substring(0, open).strip())) {
      return null;
    }
    return type.substring(open + 1, close).strip();
  }

  /** The name of the class a node is inside, or null. */
  private static String ownerClass(TsNode node, TsSite site) {
    TsNode current = node;
    while (TsSource.present(current)) {
      String type = current.getType();
      if (type.equals("class_declaration")
          || type.equals("abstract_class_declaration")
          || type.equals("class")) {
        TsNode name = TsSource.field(current, "name");
        return name == null ? null : site.source().text(name);
      }
      current = current.getParent();
    }
    return null;
  }

  /**
   * What the function around a {@code save(user)} did with {@code user}: the properties it
   * assigned, and whether the value was created ({@code repo.create({…})}, {@code new User()}).
   */
  private static TypeOrmCall.Saved saved(String variable, TsNode call, TsSite site) {
    TsNode function = call;
    while (TsSource.present(function)
        && !Set.of(
                "function_declaration",
                "function_expression",
                "arrow_function",
                "method_definition",
                "program")
            .contains(function.getType())) {
      function = function.getParent();
    }
    List<String> assigned = new ArrayList<>();
    JsValue created = null;
    boolean isNew = false;
    List<TsNode> pending = new ArrayList<>();
    if (TsSource.present(function)) {
      pending.add(function);
    }
    int visited = 0;
    while (!pending.isEmpty() && visited++ < 20_000) {
      TsNode node = pending.remove(pending.size() - 1);
      if (node.getType().equals("assignment_expression")) {
        TsNode left = TsSource.field(node, "left");
        if (TsSource.type(left).equals("member_expression")
            && site.source().text(TsSource.field(left, "object")).equals(variable)) {
          assigned.add(site.source().text(TsSource.field(left, "property")));
        }
      } else if (node.getType().equals("variable_declarator")) {
        TsNode name = TsSource.field(node, "name");
        TsNode value = TsSource.unwrap(TsSource.field(node, "value"));
        if (name != null && site.source().text(name).equals(variable) && value != null) {
          if (value.getType().equals("new_expression")) {
            isNew = true;
          } else if (value.getType().equals("call_expression")
              && site.value(value) instanceof JsValue.Call made
              && made.callee() instanceof JsValue.Member member
              && member.property().equals("create")) {
            isNew = true;
            created = made.args().isEmpty() ? null : made.args().get(made.args().size() - 1);
          }
        }
      }
      pending.addAll(TsSource.named(node));
    }
    return new TypeOrmCall.Saved(assigned, created, isNew);
  }
}
