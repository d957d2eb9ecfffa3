package dev.blastradius.lang.ts.entrypoints;

import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.ts.ProjectFiles;
import dev.blastradius.lang.ts.TsAdapter;
import dev.blastradius.lang.ts.TsSite;
import java.util.List;
import java.util.Optional;

/**
 * Files run as programs: {@code scripts/**}, seed files, files a {@code package.json} script runs
 * ({@code script}), and files a scheduled GitHub Actions workflow runs ({@code cron}). The file's
 * module-level code is the entry point.
 */
public final class ScriptEntryPoints implements TsAdapter {

  @Override
  public void module(TsSite site) {
    String path = site.path();
    List<String> segments = List.of(path.split("/"));
    String fileName = segments.get(segments.size() - 1);
    ProjectFiles project = ProjectFiles.of(site.context());
    Optional<String> scheduled = project.scheduledWorkflow(path);
    var location = site.source().location(site.source().root());
    if (scheduled.isPresent()) {
      site.entryPoint(
          site.moduleUnit(), new EntryPoint(EntryPointKind.CRON, scheduled.get(), location));
    }
    Optional<String> script = project.script(path);
    boolean conventional =
        segments.subList(0, segments.size() - 1).contains("scripts")
            || fileName.startsWith("seed.")
            || fileName.startsWith("seed-")
            || fileName.startsWith("seed_");
    if (script.isPresent() || (conventional && scheduled.isEmpty())) {
      site.entryPoint(
          site.moduleUnit(), new EntryPoint(EntryPointKind.SCRIPT, script.orElse(path), location));
    }
  }
}
