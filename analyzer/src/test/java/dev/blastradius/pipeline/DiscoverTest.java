package dev.blastradius.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.schema.SqlDialect;
import dev.blastradius.source.SourceFile;
import dev.blastradius.source.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoverTest {

  @TempDir Path root;

  private void write(String path) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "SELECT 1;\n");
  }

  private List<String> discover(List<String> include, List<String> exclude, List<Path> proposed) {
    AnalysisOptions options =
        AnalysisOptions.of(root, root, SqlDialect.POSTGRES, proposed, include, exclude);
    SourceTree tree = Discover.run(options);
    return tree.files().stream().map(SourceFile::path).toList();
  }

  @Test
  void findsSupportedFilesSortedAndSkipsVendoredDirectories() throws IOException {
    for (String path :
        List.of(
            "b/Q.java",
            "a/q.sql",
            "node_modules/x/q.sql",
            "target/classes/Q.java",
            ".git/q.sql",
            "NOTES.txt",
            "README.md")) {
      write(path);
    }
    // Markdown is read for runbook SQL; plain text is not.
    assertThat(discover(List.of(), List.of(), List.of()))
        .containsExactly("README.md", "a/q.sql", "b/Q.java");
  }

  @Test
  void respectsNestedGitignores() throws IOException {
    write("keep/q.sql");
    write("gen/q.sql");
    write("lib/old.sql");
    write("lib/new.sql");
    Files.writeString(root.resolve(".gitignore"), "gen/\n");
    Files.writeString(root.resolve("lib/.gitignore"), "old.sql\n");
    assertThat(discover(List.of(), List.of(), List.of()))
        .containsExactly("keep/q.sql", "lib/new.sql");
  }

  @Test
  void includeExcludeAndProposedFiles() throws IOException {
    write("src/a.sql");
    write("src/b.sql");
    write("other/c.sql");
    write("proposed/V2__x.sql");
    assertThat(discover(List.of("src/**"), List.of("src/b.sql"), List.of()))
        .containsExactly("src/a.sql");
    assertThat(discover(List.of(), List.of(), List.of(root.resolve("proposed/V2__x.sql"))))
        .containsExactly("other/c.sql", "src/a.sql", "src/b.sql");
  }

  @Test
  void skipsReportsAnEarlierRunWroteAndSaysSo() throws IOException {
    write("q.sql");
    Files.createDirectories(root.resolve("out"));
    Files.writeString(
        root.resolve("out/report.json"),
        "{\n  \"schemaVersion\": 1,\n  \"tool\": {\n    \"name\": \"blastradius\"\n  },\n"
            + "  \"columns\": [");
    Files.writeString(
        root.resolve("out/report.sarif.json"),
        "{\"$schema\": \"x\", \"version\": \"2.1.0\", \"runs\": [{\"tool\":"
            + " {\"driver\": {\"name\": \"blastradius\", \"rules\": [");
    Files.writeString(
        root.resolve("out/report.md"), "\n## blastradius check: Not ready\n\n```sql\nDROP");
    // Look-alikes stay: another tool's SARIF, a dashboard, a runbook that mentions us.
    Files.writeString(
        root.resolve("other.sarif.json"),
        "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"squawk\"}}}]}");
    Files.writeString(
        root.resolve("dashboard.json"), "{\"tool\": {\"name\": \"blastradius\"}, \"panels\": []}");
    Files.writeString(root.resolve("RUNBOOK.md"), "# Runbook\n\n## blastradius scan first\n");
    Files.writeString(root.resolve("broken.json"), "{\"schemaVersion\": 1, \"tool\"");
    SourceTree tree =
        Discover.run(
            AnalysisOptions.of(root, root, SqlDialect.POSTGRES, List.of(), List.of(), List.of()));
    assertThat(tree.files().stream().map(SourceFile::path))
        .containsExactly(
            "RUNBOOK.md", "broken.json", "dashboard.json", "other.sarif.json", "q.sql");
    assertThat(tree.skipped())
        .extracting(SourceTree.SkippedFile::path, SourceTree.SkippedFile::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("out/report.json", OwnReports.REASON),
            org.assertj.core.groups.Tuple.tuple("out/report.md", OwnReports.REASON),
            org.assertj.core.groups.Tuple.tuple("out/report.sarif.json", OwnReports.REASON));
  }
}
