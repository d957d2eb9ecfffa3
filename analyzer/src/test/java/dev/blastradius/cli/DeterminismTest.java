package dev.blastradius.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.testing.Cli;
import dev.blastradius.testing.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The thread count and repeated runs never change a byte of the reports. */
class DeterminismTest {

  @TempDir Path tmp;

  @Test
  void oneAndTwoThreadsGiveIdenticalJsonAndSarif() throws IOException {
    String sample = TestPaths.samples().resolve("split-user-name").toString();
    String proposed = TestPaths.samples().resolve("split-user-name/proposed").toString();
    for (String threads : new String[] {"1", "2", "2"}) {
      Path out = tmp.resolve("t" + threads + "-" + System.nanoTime());
      Cli.Result result =
          Cli.run(
              "check",
              "--migration",
              proposed,
              "--threads",
              threads,
              "--format",
              "json,sarif",
              "--output",
              out + "/",
              sample);
      assertThat(result.exitCode()).isEqualTo(4);
      Files.move(out, tmp.resolve("run-" + threads + "-" + Files.list(tmp).count()));
    }
    try (var runs = Files.list(tmp)) {
      var dirs = runs.sorted().toList();
      String json = Files.readString(dirs.get(0).resolve("report.json"));
      String sarif = Files.readString(dirs.get(0).resolve("report.sarif"));
      for (Path dir : dirs) {
        assertThat(Files.readString(dir.resolve("report.json"))).isEqualTo(json);
        assertThat(Files.readString(dir.resolve("report.sarif"))).isEqualTo(sarif);
      }
      assertThat(json)
          .doesNotContain(tmp.toString())
          .doesNotContain(System.getProperty("user.dir"));
    }
  }
}
