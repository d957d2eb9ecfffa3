package dev.blastradius.lang.ts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.lang.ExtractContext;
import dev.blastradius.lang.FileFacts;
import dev.blastradius.lang.sql.SqlFrontend;
import dev.blastradius.schema.Catalog;
import dev.blastradius.schema.SqlDialect;
import dev.blastradius.source.Language;
import dev.blastradius.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link phase parses the files it needs on several threads with the same result as on one. */
class TsLinkerThreadsTest {

  @TempDir Path root;

  private List<SourceFile> project() throws IOException {
    List<SourceFile> files = new ArrayList<>();
    write(
        files,
        "src/lib/repo.ts",
        "import { Pool } from 'pg';\n"
            + "const pool = new Pool();\n"
            + "export async function emails() {\n"
            + "  return pool.query('SELECT email FROM users');\n"
            + "}\n");
    for (int i = 0; i < 12; i++) {
      // No database words: skipped when read, parsed in the link phase as importers of the repo.
      write(
          files,
          "src/app/api/r" + i + "/route.ts",
          "import { emails } from '../../../lib/repo';\n"
              + "export async function GET() {\n"
              + "  return Response.json(await emails());\n"
              + "}\n");
    }
    write(files, "src/components/Button.tsx", "export const Button = () => <button />;\n");
    write(files, "src/app/api/broken/route.ts", "import { emails } from '../../../lib/repo';\n(");
    return files;
  }

  private void write(List<SourceFile> files, String path, String text) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    files.add(new SourceFile(file, path, Language.TYPESCRIPT));
  }

  private static List<FileFacts> link(List<SourceFile> files, int threads) {
    ExtractContext context =
        new ExtractContext(
            Catalog.empty(),
            new SqlFrontend(SqlDialect.POSTGRES, Duration.ofSeconds(5)),
            files,
            threads);
    TsFrontend frontend = new TsFrontend();
    List<FileFacts> read = new ArrayList<>();
    for (SourceFile file : files) {
      read.add(
          frontend.extract(file, dev.blastradius.source.SourceText.read(file).text(), context));
    }
    return frontend.link(read, context);
  }

  @Test
  void positive_parsingOnSeveralThreadsLinksTheSameFacts() throws IOException {
    List<SourceFile> files = project();
    List<FileFacts> one = link(files, 1);
    List<FileFacts> three = link(files, 3);
    assertThat(three).isEqualTo(one);
    // The routes were parsed in the link phase: each has its GET unit and calls the repository.
    assertThat(one)
        .filteredOn(f -> f.path().startsWith("src/app/api/r"))
        .hasSize(12)
        .allSatisfy(f -> assertThat(f.units()).isNotEmpty());
    assertThat(one)
        .filteredOn(f -> f.path().equals("src/app/api/broken/route.ts"))
        .singleElement()
        .satisfies(f -> assertThat(f.problems()).isNotEmpty());
  }

  @Test
  void negative_aFileNothingRelevantImportsIsNotParsed() throws IOException {
    List<FileFacts> linked = link(project(), 3);
    assertThat(linked)
        .filteredOn(f -> f.path().equals("src/components/Button.tsx"))
        .singleElement()
        .satisfies(f -> assertThat(f.units()).isEmpty());
  }

  @Test
  void negative_threadsBelowOneAreRejected() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new ExtractContext(Catalog.empty(), null, List.of(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
