import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates a deterministic Spring Boot project of about FILES Java files, shaped like a real one:
 * most files (DTOs, mappers, configuration, utilities) never touch the database; the rest are JPA
 * entities, Spring Data repositories with derived queries, transactional services that rely on dirty
 * checking, controllers, scheduled jobs, Kafka listeners with JPQL, and JDBC DAOs. Every access the
 * benchmark must find is recorded in planted.tsv (path, line, kind, table.column).
 *
 * <p>Usage: java bench/java/GenerateSpring.java OUTPUT_DIR FILES
 */
public final class GenerateSpring {

  private static final int COLUMNS = 6;

  private final Path out;
  private final Random random = new Random(42);
  private final List<String> planted = new ArrayList<>();
  private int files;

  private GenerateSpring(Path out) {
    this.out = out;
  }

  public static void main(String[] args) throws IOException {
    GenerateSpring generator = new GenerateSpring(Path.of(args[0]));
    generator.generate(Integer.parseInt(args[1]));
  }

  private void generate(int target) throws IOException {
    int domains = Math.max(1, target / 25);
    writeSql("src/main/resources/application.properties", List.of("spring.application.name=bench"));
    for (int d = 0; d < domains; d++) {
      migration(d);
      entity(d);
      repository(d);
      service(d);
      controller(d);
      if (d % 2 == 0) {
        job(d);
      } else {
        listener(d);
      }
      dao(d);
    }
    // The rest of a real code base: no database vocabulary at all.
    int plain = 0;
    while (files < target) {
      plainClass(plain++);
    }
    Files.write(out.resolve("planted.tsv"), planted, StandardCharsets.UTF_8);
    System.out.println(
        "generated " + files + " files (" + domains + " domains), " + planted.size() + " planted accesses");
  }

  private static String table(int d) {
    return "domain_" + d;
  }

  private static String entity(int d, boolean unused) {
    return "Domain" + d;
  }

  /** Column j of a domain: even columns use the default naming (camelCase → snake_case). */
  private static String field(int j) {
    return "attrValue" + j;
  }

  private static String column(int j) {
    return j % 2 == 0 ? "attr_value" + j : "legacy_col" + j;
  }

  private void migration(int d) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("CREATE TABLE " + table(d) + " (");
    lines.add("  id bigserial PRIMARY KEY,");
    for (int j = 0; j < COLUMNS; j++) {
      lines.add("  " + column(j) + " text" + (j < COLUMNS - 1 ? "," : ""));
    }
    lines.add(");");
    writeSql("src/main/resources/db/migration/V" + (d + 1) + "__" + table(d) + ".sql", lines);
  }

  private String pkg(int d) {
    return "com.bench.d" + d;
  }

  private String path(int d, String name) {
    return "src/main/java/" + pkg(d).replace('.', '/') + "/" + name + ".java";
  }

  private void entity(int d) throws IOException {
    List<String> l = header(d, "jakarta.persistence.*");
    l.add("@Entity");
    l.add("@Table(name = \"" + table(d) + "\")");
    l.add("public class " + entity(d, true) + " {");
    l.add("  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;");
    for (int j = 0; j < COLUMNS; j++) {
      if (j % 2 == 1) {
        l.add("  @Column(name = \"" + column(j) + "\")");
      }
      l.add("  private String " + field(j) + ";");
    }
    for (int j = 0; j < COLUMNS; j++) {
      String cap = "AttrValue" + j;
      l.add("  public String get" + cap + "() { return " + field(j) + "; }");
      l.add("  public void set" + cap + "(String value) { this." + field(j) + " = value; }");
    }
    l.add("}");
    write(path(d, entity(d, true)), l);
  }

  private void repository(int d) throws IOException {
    List<String> l = header(d, "java.util.List", "org.springframework.data.jpa.repository.JpaRepository");
    l.add("public interface " + entity(d, true) + "Repository extends JpaRepository<" + entity(d, true) + ", Long> {");
    for (int j = 0; j < 3; j++) {
      l.add("  List<" + entity(d, true) + "> findByAttrValue" + j + "(String value);");
    }
    l.add("}");
    write(path(d, entity(d, true) + "Repository"), l);
  }

  private void service(int d) throws IOException {
    String name = entity(d, true) + "Service";
    List<String> l =
        header(d, "org.springframework.stereotype.Service", "org.springframework.transaction.annotation.Transactional");
    l.add("@Service");
    l.add("public class " + name + " {");
    l.add("  private final " + entity(d, true) + "Repository repository;");
    l.add("  public " + name + "(" + entity(d, true) + "Repository repository) { this.repository = repository; }");
    int j = random.nextInt(COLUMNS);
    l.add("  @Transactional");
    l.add("  public void update(long id, String value) {");
    plant(d, name, l, "write", j);
    l.add("    repository.findById(id).ifPresent(e -> e.setAttrValue" + j + "(value));");
    l.add("  }");
    int k = random.nextInt(3);
    l.add("  public int count(String value) {");
    plant(d, name, l, "read", k);
    l.add("    return repository.findByAttrValue" + k + "(value).size();");
    l.add("  }");
    l.add("}");
    write(path(d, name), l);
  }

  private void controller(int d) throws IOException {
    String name = entity(d, true) + "Controller";
    List<String> l = header(d, "org.springframework.web.bind.annotation.*");
    l.add("@RestController");
    l.add("@RequestMapping(\"/d" + d + "\")");
    l.add("public class " + name + " {");
    l.add("  private final " + entity(d, true) + "Service service;");
    l.add("  private final " + entity(d, true) + "Repository repository;");
    l.add("  public " + name + "(" + entity(d, true) + "Service service, " + entity(d, true) + "Repository repository) {");
    l.add("    this.service = service;");
    l.add("    this.repository = repository;");
    l.add("  }");
    l.add("  @PutMapping(\"/{id}\")");
    l.add("  public void put(@PathVariable long id, @RequestBody String value) { service.update(id, value); }");
    l.add("  @GetMapping(\"/{id}\")");
    l.add("  public Object get(@PathVariable long id) {");
    plant(d, name, l, "read", random.nextInt(COLUMNS));
    l.add("    return repository.findById(id).orElseThrow();");
    l.add("  }");
    l.add("}");
    write(path(d, name), l);
  }

  private void job(int d) throws IOException {
    String name = entity(d, true) + "CleanupJob";
    List<String> l =
        header(d, "org.springframework.jdbc.core.JdbcTemplate", "org.springframework.scheduling.annotation.Scheduled");
    l.add("public class " + name + " {");
    l.add("  private JdbcTemplate jdbc;");
    l.add("  @Scheduled(cron = \"0 0 * * * *\")");
    l.add("  public void run() {");
    int j = random.nextInt(COLUMNS);
    plant(d, name, l, "write", j);
    l.add("    jdbc.update(\"UPDATE " + table(d) + " SET " + column(j) + " = NULL WHERE id < ?\", 0);");
    l.add("  }");
    l.add("}");
    write(path(d, name), l);
  }

  private void listener(int d) throws IOException {
    String name = entity(d, true) + "Listener";
    List<String> l =
        header(d, "jakarta.persistence.EntityManager", "org.springframework.kafka.annotation.KafkaListener");
    l.add("public class " + name + " {");
    l.add("  private EntityManager em;");
    l.add("  @KafkaListener(topics = \"d" + d + "\")");
    l.add("  public Object on(String message) {");
    int j = random.nextInt(COLUMNS);
    plant(d, name, l, "read", j);
    l.add("    return em.createQuery(\"select e." + field(j) + " from " + entity(d, true) + " e\").getResultList();");
    l.add("  }");
    l.add("}");
    write(path(d, name), l);
  }

  private void dao(int d) throws IOException {
    String name = entity(d, true) + "Dao";
    List<String> l = header(d, "org.springframework.jdbc.core.JdbcTemplate");
    l.add("public class " + name + " {");
    l.add("  private static final String TABLE = \"" + table(d) + "\";");
    l.add("  private final JdbcTemplate jdbc;");
    l.add("  public " + name + "(JdbcTemplate jdbc) { this.jdbc = jdbc; }");
    l.add("  public String first(long id) {");
    int j = random.nextInt(COLUMNS);
    plant(d, name, l, "read", j);
    l.add("    return jdbc.queryForObject(\"SELECT " + column(j) + " FROM \" + TABLE + \" WHERE id = ?\", String.class, id);");
    l.add("  }");
    l.add("}");
    write(path(d, name), l);
  }

  private void plainClass(int i) throws IOException {
    int d = i % 50;
    String name = "Helper" + i;
    List<String> l = header(d, "java.util.ArrayList", "java.util.List", "java.util.Locale");
    l.add("/** A value object with formatting helpers; nothing here touches the database. */");
    l.add("public final class " + name + " {");
    l.add("  private final List<String> parts = new ArrayList<>();");
    for (int m = 0; m < 6; m++) {
      l.add("  public String format" + m + "(String input, int width) {");
      l.add("    StringBuilder out = new StringBuilder();");
      l.add("    for (String part : input.split(\",\")) {");
      l.add("      parts.add(part.strip().toLowerCase(Locale.ROOT));");
      l.add("      out.append(String.format(\"%-\" + width + \"s|\", part));");
      l.add("    }");
      l.add("    return out.toString();");
      l.add("  }");
    }
    l.add("}");
    write("src/main/java/com/bench/util/p" + d + "/" + name + ".java", l);
  }

  private void plant(int d, String name, List<String> lines, String kind, int j) {
    planted.add(path(d, name) + "\t" + (lines.size() + 1) + "\t" + kind + "\t" + table(d) + "." + column(j));
  }

  private List<String> header(int d, String... imports) {
    List<String> l = new ArrayList<>();
    l.add("package " + pkg(d) + ";");
    l.add("");
    for (String i : imports) {
      l.add("import " + i + ";");
    }
    l.add("");
    return l;
  }

  private void write(String relative, List<String> lines) throws IOException {
    Path file = out.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
    files++;
  }

  private void writeSql(String relative, List<String> lines) throws IOException {
    Path file = out.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
  }
}
