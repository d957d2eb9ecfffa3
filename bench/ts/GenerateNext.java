import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates a deterministic Next.js-style TypeScript project of about FILES files: Supabase
 * migrations for 40 tables, repository modules using pg, Supabase and Knex, app-router API routes
 * that import them through the tsconfig alias {@code @/}, and many React components and utilities
 * with no database vocabulary (which the prefilter must keep away from tree-sitter). Writes
 * {@code planted.tsv} (path, line, kind, table.column) for every access planted in the repositories.
 *
 * <p>Usage: java bench/ts/GenerateNext.java OUT_DIR [FILES]
 */
public final class GenerateNext {

  private static final int TABLES = 40;

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int files = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    List<String> planted = new ArrayList<>();
    write(out.resolve("package.json"),
        "{ \"name\": \"bench-next\", \"private\": true, \"scripts\": { \"dev\": \"next dev\" } }\n");
    write(out.resolve("tsconfig.json"),
        "{ \"compilerOptions\": { \"baseUrl\": \".\", \"paths\": { \"@/*\": [\"./src/*\"] } } }\n");
    StringBuilder ddl = new StringBuilder();
    for (int t = 0; t < TABLES; t++) {
      ddl.append("CREATE TABLE t").append(t)
          .append(" (id bigint PRIMARY KEY, name text, email text, c0 int, c1 int, c2 text, c3 text);\n");
    }
    write(out.resolve("supabase/migrations/20240101000000_init.sql"), ddl.toString());
    write(out.resolve("src/lib/db.ts"),
        "import { Pool } from 'pg';\nimport { createClient } from '@supabase/supabase-js';\n"
            + "import knexFactory from 'knex';\n"
            + "export const pool = new Pool({ connectionString: process.env.DATABASE_URL });\n"
            + "export const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_KEY!);\n"
            + "export const knex = knexFactory({ client: 'pg' });\n");
    int written = 4;
    for (int t = 0; t < TABLES; t++) {
      String path = "src/lib/repo/t" + t + ".ts";
      List<String> lines = new ArrayList<>();
      lines.add("import { knex, pool, supabase } from '@/lib/db';");
      lines.add("");
      lines.add("export async function find" + t + "(id: number) {");
      lines.add("  const { rows } = await pool.query('SELECT name, c" + (t % 4) + " FROM t" + t + " WHERE id = $1', [id]);");
      int line = lines.size();
      planted.add(path + "\t" + line + "\tread\tt" + t + ".name");
      planted.add(path + "\t" + line + "\tread\tt" + t + ".c" + (t % 4));
      lines.add("  return rows[0];");
      lines.add("}");
      lines.add("");
      lines.add("export async function list" + t + "() {");
      lines.add("  const { data } = await supabase.from('t" + t + "').select('email, c2').eq('c3', 'x');");
      line = lines.size();
      planted.add(path + "\t" + line + "\tread\tt" + t + ".email");
      planted.add(path + "\t" + line + "\tread\tt" + t + ".c2");
      lines.add("  return data;");
      lines.add("}");
      lines.add("");
      lines.add("export async function touch" + t + "(id: number, name: string) {");
      lines.add("  await knex('t" + t + "').where('id', id).update({ name, c1: 1 });");
      line = lines.size();
      planted.add(path + "\t" + line + "\twrite\tt" + t + ".name");
      planted.add(path + "\t" + line + "\twrite\tt" + t + ".c1");
      lines.add("}");
      write(out.resolve(path), String.join("\n", lines) + "\n");
      written++;
    }
    int routes = Math.max(1, files / 5);
    for (int r = 0; r < routes && written < files; r++, written++) {
      int t = r % TABLES;
      write(out.resolve("src/app/api/r" + r + "/route.ts"),
          "import { find" + t + ", list" + t + ", touch" + t + " } from '@/lib/repo/t" + t + "';\n\n"
              + "export async function GET(request: Request) {\n"
              + "  const id = Number(new URL(request.url).searchParams.get('id'));\n"
              + "  return Response.json({ one: await find" + t + "(id), all: await list" + t + "() });\n"
              + "}\n\n"
              + "export async function POST(request: Request) {\n"
              + "  const body = await request.json();\n"
              + "  await touch" + t + "(body.id, body.name);\n"
              + "  return new Response(null, { status: 204 });\n"
              + "}\n");
    }
    for (int c = 0; written < files; c++, written++) {
      if (c % 8 == 7) {
        write(out.resolve("src/utils/format" + c + ".ts"), util(c));
      } else {
        write(out.resolve("src/components/c" + (c / 100) + "/Widget" + c + ".tsx"), component(c));
      }
    }
    write(out.resolve("planted.tsv"), String.join("\n", planted) + "\n");
  }

  private static String component(int c) {
    StringBuilder s = new StringBuilder();
    s.append("import { useState } from 'react';\n");
    s.append("import { formatLabel } from '@/utils/format").append(c - c % 8 + 7).append("';\n\n");
    s.append("type Props = { label: string; count: number };\n\n");
    s.append("export function Widget").append(c).append("({ label, count }: Props) {\n");
    s.append("  const [open, setOpen] = useState(false);\n");
    for (int i = 0; i < 12; i++) {
      s.append("  const value").append(i).append(" = count * ").append(i + 1)
          .append(" + label.length; // layout helper ").append(i).append('\n');
    }
    s.append("  return (\n    <section className=\"widget\">\n");
    s.append("      <h2 onClick={() => setOpen(!open)}>{formatLabel(label)}</h2>\n");
    s.append("      {open && <p>{value0 + value11}</p>}\n    </section>\n  );\n}\n");
    return s.toString();
  }

  private static String util(int c) {
    return "export function formatLabel(label: string): string {\n"
        + "  return label.trim().slice(0, " + (20 + c % 10) + ");\n}\n\n"
        + "export const pad = (n: number) => String(n).padStart(2, '0');\n";
  }

  private static void write(Path path, String text) throws IOException {
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
  }
}
