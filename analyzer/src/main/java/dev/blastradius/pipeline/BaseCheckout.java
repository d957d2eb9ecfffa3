package dev.blastradius.pipeline;

import dev.blastradius.source.Language;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The code at a git revision ({@code check --base REV}), checked out with the {@code git} command
 * into a temporary directory that {@link #close} removes. The checkout mirrors the repository
 * around the report root, so a file keeps the report path it has in the working tree: {@code
 * src/App.java} at REV is reported as {@code src/App.java}. Only files a frontend or a migration
 * layout could read (and {@code .gitignore} files) are written, read straight from the object
 * database with {@code ls-tree} and {@code cat-file --batch}: no work tree, index or ref of the
 * repository is touched.
 */
public final class BaseCheckout implements AutoCloseable {

  private final String revision;
  private final Path directory;
  private final Path scanRoot;
  private final Path reportRoot;

  private BaseCheckout(String revision, Path directory, Path scanRoot, Path reportRoot) {
    this.revision = revision;
    this.directory = directory;
    this.scanRoot = scanRoot;
    this.reportRoot = reportRoot;
  }

  /**
   * Checks out {@code revision} of the repository holding {@code scanRoot}. Throws {@link
   * IllegalArgumentException} with a user-facing message when git is missing, the scan root is not
   * in a git work tree, or the revision names no commit.
   *
   * @param scanRoot the scan root in the working tree
   * @param reportRoot the working tree's report root ({@code --repo-root})
   * @param revision the revision as the user wrote it
   */
  public static BaseCheckout open(Path scanRoot, Path reportRoot, String revision) {
    return open(new Git(scanRoot), scanRoot, reportRoot, revision);
  }

  /** {@link #open(Path, Path, String)} with {@code git} run as given; package private for tests. */
  static BaseCheckout open(Git git, Path scanRoot, Path reportRoot, String revision) {
    if (revision.isBlank() || revision.startsWith("-")) {
      throw new IllegalArgumentException("'" + revision + "' is not a git revision");
    }
    try {
      Git.Output where = git.run("rev-parse", "--show-toplevel", "--show-prefix");
      String[] lines = new String(where.stdout(), StandardCharsets.UTF_8).split("\n", -1);
      if (where.exitCode() != 0 || lines.length < 2 || lines[0].isBlank()) {
        throw new IllegalArgumentException(
            "the scan root "
                + scanRoot
                + " is not inside a git work tree ("
                + where.firstErrorLine()
                + ")");
      }
      Path top = Path.of(lines[0]).toRealPath();
      String prefix = stripSlash(lines[1]);
      Git repository = git.in(top);
      Git.Output commit =
          repository.run("rev-parse", "--verify", "--quiet", revision + "^{commit}");
      if (commit.exitCode() != 0) {
        throw new IllegalArgumentException(
            "'" + revision + "' is not a commit in the git repository at " + top);
      }
      Path directory = Files.createTempDirectory("blastradius-base-");
      try {
        Layout layout = Layout.of(directory, top, reportRoot.toRealPath());
        Path oldScanRoot = layout.repository().resolve(prefix);
        Files.createDirectories(oldScanRoot);
        write(repository, commit.text(), prefix, oldScanRoot);
        return new BaseCheckout(revision, directory, oldScanRoot, layout.reportRoot());
      } catch (IOException | RuntimeException e) {
        delete(directory);
        throw e;
      }
    } catch (Git.Missing e) {
      throw new IllegalArgumentException(e.getMessage() + "; --base needs git on the PATH");
    } catch (IOException e) {
      throw new UncheckedIOException("checking out " + revision, e);
    }
  }

  /** The revision as the user wrote it, for messages: {@code origin/main}. */
  public String revision() {
    return revision;
  }

  /** The scan root inside the checkout. */
  public Path scanRoot() {
    return scanRoot;
  }

  /** The directory report paths of the checkout are relative to. */
  public Path reportRoot() {
    return reportRoot;
  }

  /**
   * {@code text} without the checkout's temporary paths: a path under the report root becomes its
   * report path, anything else under the checkout names the revision instead.
   */
  String withoutTemporaryPaths(String text) {
    return text.replace(reportRoot + "/", "")
        .replace(reportRoot.toString(), ".")
        .replace(directory.toString(), "(checkout of " + revision + ")");
  }

  /** Removes the checkout. */
  @Override
  public void close() {
    delete(directory);
  }

  /**
   * Where the repository goes inside the temporary directory, and which directory there plays the
   * report root: report paths in the checkout equal those in the working tree whether the report
   * root is the repository's top level, a directory inside it, or one above it.
   */
  private record Layout(Path repository, Path reportRoot) {
    static Layout of(Path directory, Path top, Path reportRoot) {
      Path base = directory.resolve("tree");
      if (reportRoot.startsWith(top)) {
        return new Layout(base, base.resolve(top.relativize(reportRoot).toString()));
      }
      if (top.startsWith(reportRoot)) {
        return new Layout(base.resolve(reportRoot.relativize(top).toString()), base);
      }
      // An unrelated report root: working-tree files are reported by file name, and so are these.
      return new Layout(base, directory.resolve("elsewhere"));
    }
  }

  /** Writes the readable files of {@code commit} below {@code prefix} into {@code target}. */
  private static void write(Git repository, String commit, String prefix, Path target)
      throws Git.Missing, IOException {
    // <commit>:<path> names the scan root's tree at the revision (the path takes the rest).
    String tree = prefix.isEmpty() ? commit + "^{tree}" : commit + ":" + prefix;
    Git.Output type = repository.run("cat-file", "-t", tree);
    if (type.exitCode() != 0 || !type.text().equals("tree")) {
      return; // the scan root did not exist at the revision: its code was empty
    }
    Git.Output listing = repository.run("ls-tree", "-r", "-z", tree);
    if (listing.exitCode() != 0) {
      throw new IllegalArgumentException(
          "git ls-tree " + tree + " failed: " + listing.firstErrorLine());
    }
    List<Blob> blobs = new ArrayList<>();
    for (String entry : new String(listing.stdout(), StandardCharsets.UTF_8).split("\0")) {
      Blob.parse(entry).filter(b -> b.wanted(target)).ifPresent(blobs::add);
    }
    if (!blobs.isEmpty()) {
      copy(repository, blobs, target);
    }
  }

  /**
   * A regular file of the tree. {@code ls-tree -z} prints {@code <mode> SP <type> SP <object> TAB
   * <path>}; symbolic links (120000) and submodules (160000) are not files we read.
   */
  private record Blob(String object, String path) {
    static java.util.Optional<Blob> parse(String entry) {
      int tab = entry.indexOf('\t');
      if (tab < 0) {
        return java.util.Optional.empty();
      }
      String[] header = entry.substring(0, tab).split(" ");
      boolean regular =
          header.length == 3
              && header[1].equals("blob")
              && (header[0].equals("100644") || header[0].equals("100755"));
      return regular
          ? java.util.Optional.of(new Blob(header[2], entry.substring(tab + 1)))
          : java.util.Optional.empty();
    }

    /** Files Discover could pick, outside the directories it always skips, inside the target. */
    boolean wanted(Path target) {
      String[] parts = path.split("/");
      for (int i = 0; i < parts.length - 1; i++) {
        if (Discover.SKIPPED_DIRECTORIES.contains(parts[i])) {
          return false;
        }
      }
      String name = parts[parts.length - 1];
      boolean readable = name.equals(".gitignore") || Language.ofPath(path).isPresent();
      return readable && target.resolve(path).normalize().startsWith(target);
    }
  }

  /**
   * Streams the blobs' contents out of one {@code git cat-file --batch}: a writer thread sends the
   * object names while this thread copies each answer ({@code <object> blob <size> LF <bytes> LF})
   * into its file.
   */
  private static void copy(Git repository, List<Blob> blobs, Path target)
      throws Git.Missing, IOException {
    Process process = repository.start("cat-file", "--batch");
    Future<String> stderr = Git.drain(process.getErrorStream());
    Thread requests =
        new Thread(
            () -> {
              try (OutputStream out = process.getOutputStream()) {
                for (Blob blob : blobs) {
                  out.write((blob.object() + "\n").getBytes(StandardCharsets.US_ASCII));
                }
              } catch (IOException e) {
                // git exited early; the reader below reports what it said
              }
            },
            "git-cat-file-requests");
    requests.setDaemon(true);
    requests.start();
    try (InputStream in = new BufferedInputStream(process.getInputStream())) {
      for (Blob blob : blobs) {
        String header = line(in);
        String[] parts = header.split(" ");
        if (parts.length != 3 || !parts[1].equals("blob")) {
          throw new IllegalStateException(
              "git cat-file answered '" + header + "' for " + blob.path() + ": " + error(stderr));
        }
        long size = Long.parseLong(parts[2]);
        Path file = target.resolve(blob.path());
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
          copyExactly(in, out, size);
        }
        in.read(); // the LF after the contents
      }
    } finally {
      process.destroy();
    }
  }

  private static String error(Future<String> stderr) {
    try {
      return stderr.get().strip();
    } catch (ExecutionException e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("git cat-file ended early");
      }
      bytes.write(b);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void copyExactly(InputStream in, OutputStream out, long size) throws IOException {
    byte[] buffer = new byte[8192];
    long left = size;
    while (left > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (read < 0) {
        throw new IOException("git cat-file ended inside an object");
      }
      out.write(buffer, 0, read);
      left -= read;
    }
  }

  private static String stripSlash(String prefix) {
    String stripped = prefix.strip();
    return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
  }

  /** Deletes a directory tree, deepest first; what cannot be deleted is left behind. */
  private static void delete(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          // best effort: a file another process holds open stays behind in the temp directory
        }
      }
    } catch (IOException e) {
      // the walk failed: nothing more we can remove
    }
  }
}
