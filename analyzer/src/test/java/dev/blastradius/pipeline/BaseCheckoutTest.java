package dev.blastradius.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blastradius.testing.GitRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checking out the code at {@code --base REV}: what is written where, and what fails how. */
class BaseCheckoutTest {

  @TempDir Path temp;

  private Path top;
  private GitRepo git;

  @BeforeEach
  void repository() throws IOException {
    // Real paths: git reports its top level with symbolic links resolved.
    top = Files.createDirectories(temp.toRealPath().resolve("mono"));
    git = GitRepo.init(top);
    write("services/api/src/App.java", "class App {}\n");
    write("services/api/db/V1__init.sql", "CREATE TABLE t (id int);\n");
    write("services/api/.gitignore", "generated/\n");
    write("services/api/logo.png", "not code\n");
    write("services/api/node_modules/lib/index.js", "module.exports = 1;\n");
    write("services/web/src/Web.java", "class Web {}\n");
    git.commitAll("one");
    // The working tree moves on; the checkout must show the commit.
    write("services/api/src/App.java", "class App { int changed; }\n");
    write("services/api/src/New.java", "class New {}\n");
  }

  private void write(String path, String text) throws IOException {
    Path file = top.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @Test
  void writesTheReadableFilesOfTheScanRootAtTheRevisionAndRemovesThemOnClose() throws IOException {
    Path api = top.resolve("services/api");
    Path directory;
    try (BaseCheckout checkout = BaseCheckout.open(api, top, "HEAD")) {
      assertThat(checkout.revision()).isEqualTo("HEAD");
      assertThat(checkout.reportRoot().relativize(checkout.scanRoot()).toString())
          .isEqualTo("services/api");
      assertThat(files(checkout.scanRoot()))
          .containsExactly(".gitignore", "db/V1__init.sql", "src/App.java");
      assertThat(Files.readString(checkout.scanRoot().resolve("src/App.java")))
          .isEqualTo("class App {}\n");
      directory = checkout.reportRoot().getParent();
      assertThat(directory).exists();
    }
    assertThat(directory).doesNotExist();
    assertThat(git.git("status", "--porcelain"))
        .isEqualTo(" M services/api/src/App.java\n?? services/api/src/New.java\n");
  }

  @Test
  void reportPathsMatchTheWorkingTreeForAReportRootInsideOrAboveTheRepository() {
    Path api = top.resolve("services/api");
    try (BaseCheckout inside = BaseCheckout.open(api, top.resolve("services"), "HEAD")) {
      assertThat(inside.reportRoot().relativize(inside.scanRoot()).toString()).isEqualTo("api");
      assertThat(inside.scanRoot().resolve("src/App.java")).exists();
    }
    try (BaseCheckout above = BaseCheckout.open(api, top.getParent(), "HEAD")) {
      assertThat(above.reportRoot().relativize(above.scanRoot()).toString())
          .isEqualTo("mono/services/api");
      assertThat(above.scanRoot().resolve("src/App.java")).exists();
    }
  }

  @Test
  void aScanRootThatDidNotExistAtTheRevisionHadNoCode() throws IOException {
    write("services/billing/src/Bill.java", "class Bill {}\n");
    try (BaseCheckout checkout = BaseCheckout.open(top.resolve("services/billing"), top, "HEAD")) {
      assertThat(files(checkout.scanRoot())).isEmpty();
    }
  }

  @Test
  void olderRevisionsAndSymbolicNamesResolve() throws IOException {
    write("services/api/src/Later.java", "class Later {}\n");
    git.commitAll("two");
    try (BaseCheckout checkout = BaseCheckout.open(top.resolve("services/api"), top, "HEAD~1")) {
      assertThat(files(checkout.scanRoot())).doesNotContain("src/Later.java");
    }
    git.git("tag", "v1", "HEAD~1");
    try (BaseCheckout checkout = BaseCheckout.open(top.resolve("services/api"), top, "v1")) {
      assertThat(files(checkout.scanRoot())).contains("src/App.java");
    }
  }

  @Test
  void usageErrorsSayWhatIsWrong() throws IOException {
    Path api = top.resolve("services/api");
    assertThatThrownBy(() -> BaseCheckout.open(api, top, "no-such-branch"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'no-such-branch' is not a commit in the git repository at " + top);
    assertThatThrownBy(() -> BaseCheckout.open(api, top, "--output=x"))
        .hasMessageContaining("'--output=x' is not a git revision");
    Path outside = temp.resolve("plain");
    Files.createDirectories(outside);
    assertThatThrownBy(() -> BaseCheckout.open(outside, outside, "HEAD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not inside a git work tree");
    assertThatThrownBy(
            () -> BaseCheckout.open(new Git("blastradius-no-such-git", api), api, top, "HEAD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the git command could not be run")
        .hasMessageContaining("--base needs git on the PATH");
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }
}
