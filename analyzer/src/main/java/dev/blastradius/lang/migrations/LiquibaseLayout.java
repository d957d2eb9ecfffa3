package dev.blastradius.lang.migrations;

import dev.blastradius.source.AnalysisProblem;
import dev.blastradius.source.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Liquibase: changelogs in XML, YAML, JSON or formatted SQL, applied from a master changelog by
 * following its {@code include} and {@code includeAll} entries depth first. The master is the one
 * Spring Boot's {@code spring.liquibase.change-log} (or {@code liquibase.properties}) names, else
 * Spring Boot's default {@code db/changelog/db.changelog-master.{yaml,yml,xml,json,sql}}, else
 * every changelog no other changelog includes, in path order. Each changelog file is replayed once,
 * as a whole, where its first change set runs; changelogs no master reaches are replayed after the
 * masters' ones, in path order, with a note. Files a change set runs with {@code sqlFile} belong to
 * the migration and are not read as code.
 */
public final class LiquibaseLayout implements MigrationLayout {

  /** The tool name used in reports. */
  public static final String TOOL = "liquibase";

  /** How much of a file is read to decide whether it is a changelog. */
  private static final int HEAD_BYTES = 16 * 1024;

  private static final List<String> DEFAULT_MASTERS =
      List.of("yaml", "yml", "xml", "json", "sql").stream()
          .map(extension -> "db/changelog/db.changelog-master." + extension)
          .toList();

  @Override
  public String tool() {
    return TOOL;
  }

  @Override
  public Discovery discover(List<SourceFile> files, Function<SourceFile, String> text) {
    return new Walk(files, text).run();
  }

  @Override
  public Optional<MigrationScript> proposed(SourceFile file, String text) {
    return LiquibaseChangelog.format(file.fileName(), text)
        .map(format -> new MigrationScript(file, TOOL, "", List.of(), file.fileName(), format));
  }

  /** True when a file named {@code fileName} with this text is a Liquibase changelog. */
  public static boolean isChangelog(String fileName, String text) {
    return LiquibaseChangelog.format(fileName, text).isPresent();
  }

  /** One discovery: the state of the depth-first walk over the changelogs. */
  private static final class Walk {
    private final List<SourceFile> files;
    private final Function<SourceFile, String> text;
    private final Map<String, SourceFile> byPath = new HashMap<>();
    private final Map<SourceFile, ScriptFormat> formats = new LinkedHashMap<>();
    private final Map<SourceFile, List<ChangelogElement>> entries = new HashMap<>();
    private final Set<SourceFile> visited = new HashSet<>();
    private final List<MigrationScript> scripts = new ArrayList<>();
    private final Set<SourceFile> sqlFiles = new LinkedHashSet<>();
    private final List<AnalysisProblem> problems = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();

    Walk(List<SourceFile> files, Function<SourceFile, String> text) {
      this.files = files;
      this.text = text;
      files.forEach(f -> byPath.put(f.path(), f));
    }

    Discovery run() {
      for (SourceFile file : files) {
        // Only files whose beginning looks like a changelog are read in full (and kept).
        if (LiquibaseChangelog.hasChangelogExtension(file.fileName())
            && LiquibaseChangelog.format(file.fileName(), head(file)).isPresent()) {
          LiquibaseChangelog.format(file.fileName(), text.apply(file))
              .ifPresent(format -> formats.put(file, format));
        }
      }
      if (formats.isEmpty()) {
        return Discovery.of(List.of());
      }
      List<SourceFile> changelogs = List.copyOf(formats.keySet());
      List<SourceFile> masters = configuredMasters();
      String source = "configured";
      if (masters.isEmpty()) {
        masters = changelogs.stream().filter(Walk::isDefaultMaster).toList();
        source = "default";
      }
      if (masters.isEmpty()) {
        masters = roots(changelogs);
        if (masters.size() > 1) {
          notes.add(
              new Note(
                  ".",
                  "no Liquibase master changelog (spring.liquibase.change-log or"
                      + " db/changelog/db.changelog-master.*): replayed the "
                      + masters.size()
                      + " changelogs no other changelog includes, in path order"));
        }
        source = "roots";
      }
      masters.forEach(this::visit);
      for (SourceFile changelog : changelogs) {
        if (!visited.contains(changelog)) {
          notes.add(
              new Note(
                  changelog.path(),
                  source.equals("roots")
                      ? "Liquibase changelog only included through circular includes: replayed"
                          + " after the others, in path order"
                      : "Liquibase changelog not included from the "
                          + source
                          + " master changelog: replayed after the master's changelogs, in path"
                          + " order"));
          visit(changelog);
        }
      }
      List<SourceFile> notReplayed = new ArrayList<>(sqlFiles);
      scripts.forEach(s -> notReplayed.remove(s.file()));
      return new Discovery(scripts, notReplayed, problems, notes);
    }

    /** The first bytes of a file, enough to see a changelog's root; all of it if unreadable. */
    private String head(SourceFile file) {
      byte[] buffer = new byte[HEAD_BYTES];
      try (InputStream in = Files.newInputStream(file.absolutePath())) {
        int length = in.readNBytes(buffer, 0, buffer.length);
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return text.apply(file); // reading it the usual way records why it cannot be read
      }
    }

    private static boolean isDefaultMaster(SourceFile file) {
      String path = "/" + file.path();
      return DEFAULT_MASTERS.stream().anyMatch(m -> path.endsWith("/" + m));
    }

    /** The changelogs the configuration names; a name we cannot find is a problem. */
    private List<SourceFile> configuredMasters() {
      Set<SourceFile> masters = new LinkedHashSet<>();
      for (SpringLiquibaseConfig.Configured configured : SpringLiquibaseConfig.find(files, text)) {
        Optional<SourceFile> master =
            ChangelogPaths.candidates(configured.file().path(), configured.value(), false).stream()
                .map(byPath::get)
                .filter(f -> f != null && formats.containsKey(f))
                .findFirst();
        if (master.isPresent()) {
          masters.add(master.get());
        } else {
          problems.add(
              new AnalysisProblem(
                  configured.file().path(),
                  "replay",
                  "the configured Liquibase changelog '"
                      + configured.value()
                      + "' is not among the scanned changelogs: changelogs are ordered without it",
                  0));
        }
      }
      return List.copyOf(masters);
    }

    /** Changelogs that no other changelog includes. */
    private List<SourceFile> roots(List<SourceFile> changelogs) {
      Set<SourceFile> included = new HashSet<>();
      for (SourceFile changelog : changelogs) {
        for (ChangelogElement entry : entries(changelog)) {
          if (entry.name().equals("include")) {
            quietInclude(changelog, entry).ifPresent(included::add);
          } else if (entry.name().equals("includeAll")) {
            included.addAll(IncludeAll.files(changelog, entry, files).files());
          }
        }
      }
      return changelogs.stream().filter(c -> !included.contains(c)).toList();
    }

    /**
     * Replays {@code file} where its first change set is (at its end when it has none), following
     * its includes in order.
     */
    private void visit(SourceFile file) {
      if (!visited.add(file)) {
        return;
      }
      boolean emitted = false;
      boolean includedSinceEmitted = false;
      boolean noted = false;
      for (ChangelogElement entry : entries(file)) {
        switch (entry.name()) {
          case "changeSet" -> {
            if (!emitted) {
              emit(file);
              emitted = true;
            } else if (includedSinceEmitted && !noted) {
              notes.add(
                  new Note(
                      file.path(),
                      "change sets after an include (line "
                          + entry.line()
                          + ") are replayed with the rest of the file, before the included"
                          + " changelogs"));
              noted = true;
            }
            collectSqlFiles(file, entry);
          }
          case "include" -> {
            include(file, entry).ifPresent(this::visit);
            includedSinceEmitted = emitted;
          }
          case "includeAll" -> {
            includeAll(file, entry).forEach(this::visit);
            includedSinceEmitted = emitted;
          }
          default -> {
            // property, preConditions, …: the reader handles them.
          }
        }
      }
      if (!emitted) {
        emit(file);
      }
    }

    private void emit(SourceFile file) {
      scripts.add(
          new MigrationScript(
              file,
              TOOL,
              String.format("%06d", scripts.size() + 1),
              List.of(),
              file.fileName(),
              formats.get(file)));
    }

    /** The top-level entries; a changelog that does not parse has none here (replay says why). */
    private List<ChangelogElement> entries(SourceFile file) {
      return entries.computeIfAbsent(
          file,
          f -> {
            try {
              return LiquibaseChangelog.entries(formats.get(f), text.apply(f));
            } catch (RuntimeException | StackOverflowError e) {
              // Replay reads the file again and records why it cannot be read.
              return List.of();
            }
          });
    }

    /** The file an {@code include} names, with its format recorded; problems when there is none. */
    private Optional<SourceFile> include(SourceFile from, ChangelogElement entry) {
      String reference = entry.stripped("file");
      if (reference == null) {
        problem(from, entry.line(), "include without a file: nothing included");
        return Optional.empty();
      }
      List<String> candidates =
          ChangelogPaths.candidates(from.path(), reference, entry.flag("relativeToChangelogFile"));
      Optional<SourceFile> target = quietInclude(from, entry);
      if (target.isPresent()) {
        return accept(from, entry.line(), target.get());
      }
      Optional<String> onDisk =
          candidates.stream().filter(c -> ChangelogPaths.existing(from, c).isPresent()).findFirst();
      if (onDisk.isPresent()) {
        notes.add(
            new Note(
                from.path(),
                "include '"
                    + reference
                    + "' (line "
                    + entry.line()
                    + "): "
                    + onDisk.get()
                    + " is not among the scanned files (excluded, or proposed with --migration):"
                    + " not replayed"));
      } else {
        problem(from, entry.line(), "include '" + reference + "': no such file, not replayed");
      }
      return Optional.empty();
    }

    /** The scanned file an {@code include} names, if any, without recording anything. */
    private Optional<SourceFile> quietInclude(SourceFile from, ChangelogElement entry) {
      String reference = entry.stripped("file");
      if (reference == null) {
        return Optional.empty();
      }
      return ChangelogPaths.candidates(
              from.path(), reference, entry.flag("relativeToChangelogFile"))
          .stream()
          .map(byPath::get)
          .filter(f -> f != null)
          .findFirst();
    }

    /** The changelogs an {@code includeAll} lists, in Liquibase's (alphabetical) order. */
    private List<SourceFile> includeAll(SourceFile from, ChangelogElement entry) {
      IncludeAll.Listing listing = IncludeAll.files(from, entry, files);
      listing.problem().ifPresent(p -> problem(from, entry.line(), p));
      List<SourceFile> accepted = new ArrayList<>();
      for (SourceFile file : listing.files()) {
        accept(from, entry.line(), file).ifPresent(accepted::add);
      }
      return accepted;
    }

    /** Records the format of an included file; a file that is no changelog is a problem. */
    private Optional<SourceFile> accept(SourceFile from, int line, SourceFile target) {
      if (formats.containsKey(target)) {
        return Optional.of(target);
      }
      Optional<ScriptFormat> format =
          LiquibaseChangelog.includedFormat(target.fileName(), text.apply(target));
      if (format.isEmpty()) {
        problem(from, line, "included file " + target.path() + " is not a Liquibase changelog");
        return Optional.empty();
      }
      formats.put(target, format.get());
      return Optional.of(target);
    }

    /** SQL files a change set runs, so they are not read again as application code. */
    private void collectSqlFiles(SourceFile from, ChangelogElement changeSet) {
      for (ChangelogElement reference : LiquibaseChangelog.fileReferences(changeSet)) {
        ChangelogPaths.candidates(
                from.path(), reference.attribute("path"), reference.flag("relativeToChangelogFile"))
            .stream()
            .map(byPath::get)
            .filter(f -> f != null)
            .findFirst()
            .ifPresent(sqlFiles::add);
      }
    }

    private void problem(SourceFile file, int line, String cause) {
      problems.add(new AnalysisProblem(file.path(), "replay", cause, line));
    }
  }
}
