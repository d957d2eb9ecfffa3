package dev.blastradius.lang.ts.entrypoints;

import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.ts.ProjectFiles;
import dev.blastradius.lang.ts.TsAdapter;
import dev.blastradius.lang.ts.TsSite;
import java.util.List;

/**
 * Code that runs in the browser: {@code 'use client'} components and the sources of a Vite app
 * ({@code src/} beside a {@code vite.config}). Every unit of such a file is a {@code browser} entry
 * point; a browser client's queries (Supabase with the anon key) run there.
 */
public final class BrowserEntryPoints implements TsAdapter {

  /** Directories of a Vite project that hold server code, not browser code. */
  private static final List<String> SERVER_DIRECTORIES =
      List.of("/server/", "/api/", "/functions/");

  @Override
  public void module(TsSite site) {
    String path = site.path();
    boolean client = site.directive("use client", null);
    boolean vite =
        ProjectFiles.of(site.context()).viteSource(path)
            && SERVER_DIRECTORIES.stream().noneMatch(path::contains)
            && !site.directive("use server", null);
    if (!client && !vite) {
      return;
    }
    site.module().browser = true;
    EntryPoint browser =
        new EntryPoint(EntryPointKind.BROWSER, path, site.source().location(site.source().root()));
    site.entryPoint(site.moduleUnit(), browser);
    for (String unit : site.namedUnits()) {
      site.entryPoint(unit, browser);
    }
  }
}
