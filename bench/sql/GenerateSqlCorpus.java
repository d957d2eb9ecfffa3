import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates a deterministic tree of SQL migrations shaped like what two SaaS services accumulate
 * over a few years: a Postgres service ({@code postgres/}, four files in five) and a MySQL service
 * ({@code mysql/}), each a Flyway history under {@code db/migration/}. The histories hold tables
 * with constraints, added columns with batched backfills, online index builds, NOT VALID
 * constraints and their validation, renames, type changes, enums, views, audit triggers
 * (PL/pgSQL trigger functions), seed upserts, data copies,
 * cleanups, transaction wrappers and session settings. Every statement refers to tables and columns
 * that its history created before it, so the analyzer's catalog replay is exercised as in a real
 * repository.
 *
 * <p>Per service it writes {@code expect.txt} ({@code statements=N}) and {@code planted.tsv}
 * (path, line, kind, table.column of accesses the scan must report; read by {@code
 * bench/VerifyPlanted.java}), so a benchmark run can prove that speed was not bought with misses.
 *
 * <p>Usage: java bench/sql/GenerateSqlCorpus.java OUTPUT_DIR [FILES] [STATEMENTS]
 */
public final class GenerateSqlCorpus {

  private static final String[] NOUNS = {
    "account", "invoice", "subscription", "project", "task", "comment", "webhook", "api_key",
    "audit_event", "membership", "team", "plan", "payment", "refund", "coupon", "notification",
    "integration", "report", "export_job", "session", "device", "feature_flag", "tag", "label",
    "attachment", "message", "thread", "customer", "vendor", "shipment"
  };
  private static final String[] TEXT_COLUMNS = {
    "name", "title", "description", "status", "email", "external_id", "slug", "region",
    "currency", "source", "reason", "note", "locale", "timezone", "kind", "display_name"
  };
  private static final String[] STATUSES = {"active", "pending", "archived", "failed", "done"};

  /** One statement and the accesses planted at its first line. */
  private record Statement(String sql, List<String> planted) {}

  /** A table the history has created so far, with the columns it has now. */
  private static final class Table {
    final String name;
    final List<String> textColumns = new ArrayList<>();
    final List<String> numberColumns = new ArrayList<>();
    final List<String> foreignKeys = new ArrayList<>();
    final List<String> indexes = new ArrayList<>();
    boolean hasView;

    Table(String name) {
      this.name = name;
    }
  }

  private final boolean mysql;
  private final Random random;
  private final List<Statement> out = new ArrayList<>();
  private final List<Table> tables = new ArrayList<>();
  private int migration;
  private int serial;

  private GenerateSqlCorpus(boolean mysql, long seed) {
    this.mysql = mysql;
    this.random = new Random(seed);
  }

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    int files = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int statements = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
    int mysqlFiles = files / 5;
    int mysqlStatements = statements / 5;
    int pg =
        new GenerateSqlCorpus(false, 20260101L)
            .write(root.resolve("postgres"), files - mysqlFiles, statements - mysqlStatements);
    int my =
        new GenerateSqlCorpus(true, 20260202L)
            .write(root.resolve("mysql"), mysqlFiles, mysqlStatements);
    System.out.printf(
        Locale.ROOT, "%s: %d files, %d statements (postgres %d, mysql %d)%n",
        root, files, pg + my, pg, my);
  }

  /** Writes {@code files} migration files of about {@code statements} statements in all. */
  private int write(Path service, int files, int statements) throws IOException {
    Path dir = service.resolve("db/migration");
    Files.createDirectories(dir);
    List<String> planted = new ArrayList<>();
    int written = 0;
    for (int f = 0; f < files; f++) {
      int quota = (int) ((long) statements * (f + 1) / files) - written;
      String name = String.format(Locale.ROOT, "V%04d__release_%d.sql", f + 1, f + 1);
      String path = "db/migration/" + name;
      StringBuilder sql = new StringBuilder();
      int line = 1;
      int inFile = 0;
      while (inFile < Math.max(1, quota)) {
        List<Statement> block = nextMigration();
        String header =
            String.format(Locale.ROOT, "-- migration %04d (%d statements)%n", migration, block.size());
        sql.append(header);
        line++;
        for (Statement statement : block) {
          for (String access : statement.planted()) {
            planted.add(path + "\t" + line + "\t" + access);
          }
          String text = statement.sql() + ";\n";
          sql.append(text);
          line += (int) text.chars().filter(c -> c == '\n').count();
          inFile++;
        }
        sql.append('\n');
        line++;
      }
      written += inFile;
      Files.writeString(dir.resolve(name), sql.toString(), StandardCharsets.UTF_8);
    }
    Files.writeString(
        service.resolve("expect.txt"), "statements=" + written + "\n", StandardCharsets.UTF_8);
    Files.write(service.resolve("planted.tsv"), planted, StandardCharsets.UTF_8);
    return written;
  }

  private void add(String sql, String... planted) {
    out.add(new Statement(sql, List.of(planted)));
  }

  /** The statements of the next migration, chosen by weight once a few tables exist. */
  private List<Statement> nextMigration() {
    migration++;
    out.clear();
    if (tables.isEmpty()) {
      auditTable();
    }
    if (tables.size() < 7) {
      createTable();
      return List.copyOf(out);
    }
    int roll = random.nextInt(100);
    if (roll < 10) {
      createTable();
    } else if (roll < 22) {
      addColumnWithBackfill();
    } else if (roll < 30) {
      addIndex();
    } else if (roll < 36) {
      addForeignKey();
    } else if (roll < 41) {
      setNotNull();
    } else if (roll < 45) {
      renameColumn();
    } else if (roll < 49) {
      changeType();
    } else if (roll < 53) {
      enumStatus();
    } else if (roll < 58) {
      view();
    } else if (roll < 62) {
      auditTrigger();
    } else if (roll < 72) {
      seedRows();
    } else if (roll < 80) {
      copyData();
    } else if (roll < 85) {
      cleanup();
    } else if (roll < 90) {
      dropColumn();
    } else if (roll < 95) {
      comments();
    } else {
      batchBackfill();
    }
    return List.copyOf(out);
  }

  private void auditTable() {
    if (mysql) {
      add(
          "CREATE TABLE audit_log (\n  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,\n"
              + "  table_name VARCHAR(64) NOT NULL,\n  row_id BIGINT UNSIGNED NOT NULL,\n"
              + "  changed_column VARCHAR(64) NOT NULL,\n"
              + "  changed_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)\n"
              + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
          "ddl\taudit_log.changed_column");
    } else {
      add(
          "CREATE TABLE audit_log (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
              + "  table_name text NOT NULL,\n  row_id bigint NOT NULL,\n"
              + "  changed_column text NOT NULL,\n  changed_at timestamptz NOT NULL DEFAULT now()\n)",
          "ddl\taudit_log.changed_column");
    }
  }

  private void createTable() {
    String name = pick(NOUNS) + (tables.isEmpty() ? "s" : "s_" + ++serial);
    Table table = new Table(name);
    List<String> planted = new ArrayList<>();
    StringBuilder sql = new StringBuilder("CREATE TABLE ");
    sql.append(random.nextInt(4) == 0 ? "IF NOT EXISTS " : "").append(q(name)).append(" (\n");
    sql.append(
        mysql
            ? "  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY"
            : "  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY");
    Table parent = null;
    if (!tables.isEmpty() && random.nextBoolean()) {
      parent = anyTable();
      String fk = singular(parent.name) + "_id";
      sql.append(",\n  ").append(fk);
      sql.append(mysql ? " BIGINT UNSIGNED NOT NULL" : " bigint NOT NULL REFERENCES ");
      if (!mysql) {
        sql.append(parent.name).append(" (id) ON DELETE CASCADE");
      }
      table.foreignKeys.add(fk);
      planted.add("ddl\t" + name + "." + fk);
    }
    int texts = 2 + random.nextInt(4);
    for (int i = 0; i < texts; i++) {
      String column = TEXT_COLUMNS[(i * 5 + random.nextInt(3)) % TEXT_COLUMNS.length];
      if (table.textColumns.contains(column)) {
        continue;
      }
      table.textColumns.add(column);
      sql.append(",\n  ").append(q(column)).append(' ');
      if (mysql) {
        sql.append(random.nextInt(3) == 0 ? "TEXT" : "VARCHAR(" + (64 << random.nextInt(3)) + ")");
      } else {
        sql.append(random.nextInt(3) == 0 ? "varchar(" + (64 << random.nextInt(3)) + ")" : "text");
      }
      if (random.nextInt(3) == 0) {
        sql.append(mysql ? " NOT NULL DEFAULT ''" : " NOT NULL DEFAULT ''");
      }
    }
    if (random.nextBoolean()) {
      table.numberColumns.add("amount_cents");
      sql.append(
          mysql
              ? ",\n  amount_cents BIGINT NOT NULL DEFAULT 0"
              : ",\n  amount_cents bigint NOT NULL DEFAULT 0 CHECK (amount_cents >= 0)");
    }
    if (random.nextInt(3) == 0) {
      sql.append(mysql ? ",\n  metadata JSON NULL" : ",\n  metadata jsonb NOT NULL DEFAULT '{}'::jsonb");
    }
    if (mysql) {
      sql.append(",\n  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)");
      sql.append(
          ",\n  updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)"
              + " ON UPDATE CURRENT_TIMESTAMP(6)");
    } else {
      sql.append(",\n  created_at timestamptz NOT NULL DEFAULT now()");
      sql.append(",\n  updated_at timestamptz NOT NULL DEFAULT now()");
    }
    if (table.textColumns.contains("external_id") && random.nextBoolean()) {
      sql.append(",\n  CONSTRAINT ").append(name).append("_external_id_key UNIQUE (external_id)");
    }
    if (mysql && parent != null) {
      sql.append(",\n  KEY ").append(name).append("_fk_idx (").append(table.foreignKeys.get(0));
      sql.append("),\n  CONSTRAINT ").append(name).append("_fk FOREIGN KEY (");
      sql.append(table.foreignKeys.get(0)).append(") REFERENCES ").append(parent.name);
      sql.append(" (id) ON DELETE CASCADE");
    }
    sql.append(mysql ? "\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4" : "\n)");
    add(sql.toString(), planted.toArray(String[]::new));
    if (!mysql && !table.foreignKeys.isEmpty()) {
      String index = name + "_" + table.foreignKeys.get(0) + "_idx";
      add("CREATE INDEX " + index + " ON " + name + " (" + table.foreignKeys.get(0) + ")");
      table.indexes.add(index);
    }
    tables.add(table);
  }

  private void addColumnWithBackfill() {
    Table table = anyTable();
    String column = pick(TEXT_COLUMNS) + "_" + ++serial;
    String value = pick(STATUSES);
    boolean withDefault = random.nextInt(3) == 0;
    if (mysql) {
      add("SET SESSION lock_wait_timeout = 5");
      add(
          "ALTER TABLE "
              + q(table.name)
              + " ADD COLUMN "
              + q(column)
              + " VARCHAR(255) NULL"
              + (withDefault ? " DEFAULT '" + value + "'" : "")
              + (random.nextBoolean() ? ", ALGORITHM=INSTANT" : ""));
    } else {
      add("SET lock_timeout = '5s'");
      add(
          "ALTER TABLE "
              + table.name
              + " ADD COLUMN "
              + (random.nextBoolean() ? "IF NOT EXISTS " : "")
              + column
              + " text"
              + (withDefault ? " DEFAULT '" + value + "'" : ""));
    }
    int batches = 1 + random.nextInt(4);
    String source = table.textColumns.isEmpty() ? "'unknown'" : "lower(" + text(table) + ")";
    for (int b = 0; b < batches; b++) {
      String range = " WHERE id >= " + (b * 50_000) + " AND id < " + ((b + 1) * 50_000);
      if (random.nextBoolean()) {
        add("UPDATE " + table.name + " SET " + column + " = " + source + range
            + " AND " + column + " IS NULL");
      } else if (mysql) {
        add("UPDATE " + table.name + " SET " + column + " = " + source
            + ", updated_at = NOW(6)\n WHERE " + column + " IS NULL\n ORDER BY id\n LIMIT 5000");
      } else {
        add("UPDATE " + table.name + " SET " + column + " = " + source
            + ", updated_at = now()\n WHERE id IN (SELECT id FROM " + table.name + " WHERE "
            + column + " IS NULL ORDER BY id LIMIT 5000)");
      }
    }
    table.textColumns.add(column);
    add(mysql ? "SET SESSION lock_wait_timeout = DEFAULT" : "RESET lock_timeout");
  }

  private void addIndex() {
    Table table = anyTable();
    String column =
        random.nextBoolean() || table.numberColumns.isEmpty()
            ? text(table)
            : pick(table.numberColumns);
    if (column == null) {
      column = "created_at";
    }
    String index = table.name + "_" + column + "_" + ++serial + "_idx";
    int shape = random.nextInt(5);
    String sql;
    if (mysql) {
      sql =
          switch (shape) {
            case 0 -> "CREATE INDEX " + index + " ON " + q(table.name) + " (" + q(column) + ")";
            case 1 ->
                "ALTER TABLE " + table.name + " ADD INDEX " + index + " (" + column
                    + "), ALGORITHM=INPLACE, LOCK=NONE";
            case 2 ->
                "CREATE INDEX " + index + " ON " + table.name + " (" + column
                    + ", created_at DESC)";
            case 3 ->
                "ALTER TABLE " + table.name + " ADD UNIQUE KEY " + index + " (" + column + ", id)";
            default -> "CREATE INDEX " + index + " ON " + table.name + " (created_at, " + column + ")";
          };
    } else {
      sql =
          switch (shape) {
            case 0 -> "CREATE INDEX CONCURRENTLY " + index + " ON " + table.name + " (" + column + ")";
            case 1 ->
                "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + index + " ON " + table.name
                    + " (lower(" + column + "::text))";
            case 2 ->
                "CREATE INDEX CONCURRENTLY " + index + " ON " + table.name + " USING btree ("
                    + column + ", created_at DESC) WHERE " + column + " IS NOT NULL";
            case 3 -> "CREATE INDEX " + index + " ON " + table.name + " (" + column + ") INCLUDE (id)";
            default ->
                "CREATE INDEX CONCURRENTLY " + index + " ON ONLY " + table.name + " (created_at, "
                    + column + ")";
          };
    }
    add(sql);
    table.indexes.add(index);
    if (table.indexes.size() > 3 && random.nextInt(3) == 0) {
      String old = table.indexes.remove(0);
      add(
          mysql
              ? "DROP INDEX " + old + " ON " + table.name
              : "DROP INDEX CONCURRENTLY IF EXISTS " + old);
    }
  }

  private void addForeignKey() {
    Table child = anyTable();
    Table parent = anyTable();
    String column = singular(parent.name) + "_ref_" + ++serial;
    String constraint = child.name + "_" + column + "_fkey";
    add(
        "ALTER TABLE " + q(child.name) + " ADD COLUMN " + column
            + (mysql ? " BIGINT UNSIGNED NULL" : " bigint"),
        "ddl\t" + child.name + "." + column);
    if (mysql) {
      add("ALTER TABLE " + child.name + " ADD CONSTRAINT " + constraint + " FOREIGN KEY ("
          + column + ") REFERENCES " + parent.name + " (id)");
    } else {
      add("ALTER TABLE " + child.name + " ADD CONSTRAINT " + constraint + " FOREIGN KEY ("
          + column + ") REFERENCES " + parent.name + " (id) NOT VALID");
      add("ALTER TABLE " + child.name + " VALIDATE CONSTRAINT " + constraint);
    }
    child.numberColumns.add(column);
  }

  private void setNotNull() {
    Table table = anyTable();
    String column = text(table);
    if (column == null) {
      return;
    }
    add("UPDATE " + table.name + " SET " + column + " = '' WHERE " + column + " IS NULL");
    if (mysql) {
      add("ALTER TABLE " + table.name + " MODIFY COLUMN " + column
          + " VARCHAR(255) NOT NULL DEFAULT ''");
      return;
    }
    String check = table.name + "_" + column + "_not_null";
    add("ALTER TABLE " + table.name + " ADD CONSTRAINT " + check + " CHECK (" + column
        + " IS NOT NULL) NOT VALID");
    add("ALTER TABLE " + table.name + " VALIDATE CONSTRAINT " + check);
    add("ALTER TABLE " + table.name + " ALTER COLUMN " + column + " SET NOT NULL");
    add("ALTER TABLE " + table.name + " DROP CONSTRAINT " + check);
  }

  private void renameColumn() {
    Table table = anyTable();
    String column = text(table);
    if (column == null) {
      return;
    }
    String renamed = column + "_v" + ++serial;
    if (mysql) {
      add("ALTER TABLE " + q(table.name) + " RENAME COLUMN " + q(column) + " TO " + q(renamed));
    } else {
      add("BEGIN");
      add("ALTER TABLE " + table.name + " RENAME COLUMN " + column + " TO " + renamed);
      add("COMMIT");
    }
    table.textColumns.set(table.textColumns.indexOf(column), renamed);
  }

  private void changeType() {
    Table table = anyTable();
    String column = text(table);
    if (column == null) {
      return;
    }
    if (mysql) {
      add(random.nextBoolean()
          ? "ALTER TABLE " + table.name + " MODIFY " + column + " VARCHAR(512) NULL"
          : "ALTER TABLE " + table.name + " CHANGE COLUMN " + column + " " + column
              + " VARCHAR(512) NULL");
      return;
    }
    add("SET statement_timeout = '15min'");
    add("ALTER TABLE " + table.name + " ALTER COLUMN " + column
        + (random.nextBoolean() ? " TYPE " : " SET DATA TYPE ") + "varchar(512) USING " + column
        + "::varchar(512)");
    add("RESET statement_timeout");
  }

  private void enumStatus() {
    Table table = anyTable();
    String column = "state_" + ++serial;
    String values = "'" + STATUSES[0] + "', '" + STATUSES[1] + "', '" + STATUSES[2] + "'";
    if (mysql) {
      add("ALTER TABLE " + table.name + " ADD COLUMN " + column + " ENUM(" + values
          + ") NOT NULL DEFAULT '" + STATUSES[1] + "'");
    } else {
      String type = singular(table.name) + "_state_" + serial;
      add("CREATE TYPE " + type + " AS ENUM (" + values + ")");
      add("ALTER TYPE " + type + " ADD VALUE IF NOT EXISTS '" + STATUSES[3] + "'");
      add("ALTER TABLE " + table.name + " ADD COLUMN " + column + " " + type
          + " NOT NULL DEFAULT '" + STATUSES[1] + "'");
    }
    table.textColumns.add(column);
  }

  private void view() {
    Table table = anyTable();
    String view = table.name + "_summary";
    String columns =
        String.join(", ", table.textColumns.subList(0, Math.min(3, table.textColumns.size())));
    String select = columns.isEmpty() ? "id, created_at" : "id, " + columns + ", created_at";
    add("CREATE OR REPLACE VIEW " + view + " AS\nSELECT " + select + "\n  FROM " + table.name
        + (mysql
            ? "\n WHERE created_at > NOW() - INTERVAL 90 DAY"
            : "\n WHERE created_at > now() - interval '90 days'"));
    if (!table.hasView && random.nextBoolean()) {
      add("GRANT SELECT ON " + view + " TO " + (mysql ? "'reporting'@'%'" : "reporting"));
    }
    table.hasView = true;
  }

  /** A trigger that stamps updated_at and records changes of one column in audit_log. */
  private void auditTrigger() {
    Table table = anyTable();
    String column = text(table);
    if (column == null) {
      return;
    }
    String name = "audit_" + table.name + "_" + ++serial;
    if (mysql) {
      // MySQL's inline BEGIN … END trigger bodies are a known gap of our DDL reader (listed in
      // analyzer/src/test/resources/sql-corpus/UNANALYSED.txt); the run would stop on them.
      return;
    }
    add("CREATE OR REPLACE FUNCTION " + name + "() RETURNS trigger\n  LANGUAGE plpgsql AS $$\n"
        + "BEGIN\n  NEW.updated_at := now();\n  IF NEW." + column + " IS DISTINCT FROM OLD."
        + column + " THEN\n    INSERT INTO audit_log (table_name, row_id, changed_column)\n"
        + "    VALUES (TG_TABLE_NAME, NEW.id, '" + column + "');\n  END IF;\n  RETURN NEW;\n"
        + "END;\n$$");
    add("DROP TRIGGER IF EXISTS " + name + "_trg ON " + table.name);
    add("CREATE TRIGGER " + name + "_trg BEFORE UPDATE ON " + table.name
        + "\n  FOR EACH ROW EXECUTE FUNCTION " + name + "()");
  }

  private void seedRows() {
    Table table = anyTable();
    List<String> columns = new ArrayList<>(table.foreignKeys);
    columns.addAll(table.textColumns.subList(0, Math.min(3, table.textColumns.size())));
    if (columns.isEmpty()) {
      return;
    }
    StringBuilder sql = new StringBuilder(mysql && random.nextInt(3) == 0 ? "INSERT IGNORE" : "INSERT");
    boolean ignore = sql.length() > "INSERT".length();
    sql.append(" INTO ").append(table.name).append(" (").append(String.join(", ", columns));
    sql.append(") VALUES");
    int rows = 1 + random.nextInt(6);
    for (int r = 0; r < rows; r++) {
      sql.append(r == 0 ? "\n  (" : ",\n  (");
      for (int c = 0; c < columns.size(); c++) {
        sql.append(c == 0 ? "" : ", ");
        sql.append(
            table.foreignKeys.contains(columns.get(c))
                ? String.valueOf(1 + random.nextInt(1000))
                : "'" + pick(STATUSES) + "-" + random.nextInt(10_000) + "'");
      }
      sql.append(')');
    }
    if (mysql) {
      if (!ignore && random.nextBoolean()) {
        sql.append("\nON DUPLICATE KEY UPDATE updated_at = NOW(6)");
      }
    } else if (random.nextBoolean()) {
      sql.append("\nON CONFLICT DO NOTHING");
    } else if (table.textColumns.contains("external_id")) {
      sql.append("\nON CONFLICT (external_id) DO UPDATE SET updated_at = excluded.updated_at");
    }
    if (!mysql && random.nextInt(4) == 0) {
      sql.append("\nRETURNING id");
    }
    add(sql.toString(), "write\t" + table.name + "." + columns.get(0));
  }

  private void copyData() {
    Table from = anyTable();
    Table to = anyTable();
    String fromColumn = text(from);
    String toColumn = text(to);
    if (fromColumn == null || toColumn == null) {
      return;
    }
    if (random.nextBoolean()) {
      add("INSERT INTO " + to.name + " (" + toColumn + ", created_at)\nSELECT f." + fromColumn
          + ", f.created_at\n  FROM " + from.name + " f\n WHERE f.created_at >= "
          + (mysql ? "'2024-01-01'" : "DATE '2024-01-01'") + "\n   AND NOT EXISTS (SELECT 1 FROM "
          + to.name + " t WHERE t." + toColumn + " = f." + fromColumn + ")");
    } else if (mysql) {
      add("UPDATE " + to.name + " t\n  JOIN " + from.name + " f ON f.id = t.id\n   SET t."
          + toColumn + " = f." + fromColumn + "\n WHERE NOT (t." + toColumn + " <=> f."
          + fromColumn + ")");
    } else {
      add("UPDATE " + to.name + " AS t\n   SET " + toColumn + " = f." + fromColumn + "\n  FROM "
          + from.name + " AS f\n WHERE f.id = t.id\n   AND t." + toColumn
          + " IS DISTINCT FROM f." + fromColumn);
    }
  }

  private void cleanup() {
    Table table = anyTable();
    int days = 30 + random.nextInt(700);
    String archived = table.textColumns.contains("status") ? " AND status = 'archived'" : "";
    if (mysql) {
      add("DELETE FROM " + table.name + " WHERE created_at < NOW() - INTERVAL " + days + " DAY"
          + archived + " LIMIT 10000", "write\t" + table.name + ".*");
      add((random.nextBoolean() ? "ANALYZE TABLE " : "OPTIMIZE TABLE ") + table.name);
      return;
    }
    add("DELETE FROM " + table.name + " WHERE created_at < now() - interval '" + days + " days'"
        + archived, "write\t" + table.name + ".*");
    add((random.nextBoolean() ? "VACUUM (ANALYZE) " : "ANALYZE ") + table.name);
  }

  private void dropColumn() {
    Table table = anyTable();
    if (table.textColumns.size() < 4) {
      addColumnWithBackfill();
      return;
    }
    String column = table.textColumns.remove(table.textColumns.size() - 1);
    add("ALTER TABLE " + table.name + " DROP COLUMN " + (mysql ? "" : "IF EXISTS ") + column);
  }

  private void comments() {
    Table table = anyTable();
    String note = "Owned by the " + pick(NOUNS) + " team; see the runbook before changing it.";
    if (mysql) {
      add("ALTER TABLE " + table.name + " COMMENT = '" + note + "'");
      return;
    }
    add("COMMENT ON TABLE " + table.name + " IS '" + note + "'");
    String column = text(table);
    if (column != null) {
      add("COMMENT ON COLUMN " + table.name + "." + column + " IS 'Free text, may be empty'");
    }
  }

  private void batchBackfill() {
    Table table = anyTable();
    String column = text(table);
    if (column == null) {
      return;
    }
    if (mysql) {
      add("START TRANSACTION");
      add("UPDATE " + table.name + " SET " + column + " = COALESCE(" + column
          + ", 'n/a')\n WHERE " + column + " IS NULL\n ORDER BY id\n LIMIT 10000");
      add("COMMIT");
      return;
    }
    add("WITH batch AS (\n  SELECT id FROM " + table.name + "\n   WHERE " + column
        + " IS NULL\n   ORDER BY id\n   LIMIT 10000\n   FOR UPDATE SKIP LOCKED\n)\nUPDATE "
        + table.name + " t\n   SET " + column + " = coalesce(t." + column
        + ", 'n/a')\n  FROM batch\n WHERE t.id = batch.id");
  }

  /** MySQL histories quote some names with backticks, as generated DDL often does. */
  private String q(String name) {
    return mysql && random.nextInt(4) == 0 ? "`" + name + "`" : name;
  }

  private Table anyTable() {
    return tables.get(random.nextInt(tables.size())); // audit_log is not among them
  }

  /** A text column of the table, or null when it has none left. */
  private String text(Table table) {
    return table.textColumns.isEmpty()
        ? null
        : table.textColumns.get(random.nextInt(table.textColumns.size()));
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static String singular(String table) {
    String base =
        table.contains("_") && Character.isDigit(table.charAt(table.length() - 1))
            ? table.substring(0, table.lastIndexOf('_'))
            : table;
    return base.endsWith("s") ? base.substring(0, base.length() - 1) : base;
  }
}
