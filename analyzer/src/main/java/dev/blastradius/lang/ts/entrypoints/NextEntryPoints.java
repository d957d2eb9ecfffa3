package dev.blastradius.lang.ts.entrypoints;

import dev.blastradius.graph.EntryPoint;
import dev.blastradius.graph.EntryPointKind;
import dev.blastradius.lang.ts.ProjectFiles;
import dev.blastradius.lang.ts.TsAdapter;
import dev.blastradius.lang.ts.TsModule;
import dev.blastradius.lang.ts.TsNode;
import dev.blastradius.lang.ts.TsSite;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Next.js: app-router {@code route.ts} handlers (each exported HTTP method; {@code cron} when
 * {@code vercel.json} schedules the path, {@code webhook} by path or signature check), pages and
 * layouts (server components, {@code GET}), {@code pages/api/**} handlers, {@code
 * getServerSideProps}, server actions ({@code 'use server'} files and functions) and {@code
 * middleware}.
 */
public final class NextEntryPoints implements TsAdapter {

  private static final List<String> METHODS =
      List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  /** Wrappers that make a route an Upstash QStash (scheduled or queued) handler. */
  private static final Set<String> QSTASH =
      Set.of("verifySignatureAppRouter", "verifySignatureEdge", "verifySignature");

  @Override
  public void module(TsSite site) {
    String path = site.path();
    String fileName = path.substring(path.lastIndexOf('/') + 1);
    String stem = fileName.contains(".") ? fileName.substring(0, fileName.indexOf('.')) : fileName;
    TsNode anchor = site.source().root();
    Set<String> exported = exported(site.module());
    if (site.directive("use server", null)) {
      site.module().serverActionFile = true;
      for (String name : exported) {
        site.exportEntry(
            new EntryPoint(
                EntryPointKind.HTTP, "server action " + name, site.source().location(anchor)),
            anchor,
            name);
      }
    }
    for (TsSite.Unit unit : site.functionUnits()) {
      if (unit.local() != null && site.directive("use server", unit.node())) {
        site.module().serverActions.add(unit.id());
        site.entryPoint(
            unit.id(),
            new EntryPoint(
                EntryPointKind.HTTP,
                "server action " + unit.local(),
                site.source().location(unit.node())));
      }
    }
    String appRoute = RoutePaths.appRoute(path);
    if (appRoute != null && stem.equals("route")) {
      for (String method : METHODS) {
        if (exported.contains(method)) {
          routeHandler(site, appRoute, method);
        }
      }
    } else if (appRoute != null
        && (stem.equals("page") || stem.equals("layout"))
        && exported.contains("default")
        && !site.directive("use client", null)) {
      site.exportEntry(
          new EntryPoint(
              EntryPointKind.HTTP,
              "GET " + appRoute + " (" + stem + ")",
              site.source().location(anchor)),
          anchor,
          "default");
    }
    String pagesRoute = RoutePaths.pagesRoute(path);
    if (pagesRoute != null && pagesRoute.startsWith("/api") && exported.contains("default")) {
      routeHandler(site, pagesRoute, "default");
    } else if (pagesRoute != null && exported.contains("getServerSideProps")) {
      site.exportEntry(
          new EntryPoint(
              EntryPointKind.HTTP,
              "GET " + pagesRoute + " (getServerSideProps)",
              site.source().location(anchor)),
          anchor,
          "getServerSideProps");
    }
    if (stem.equals("middleware")
        && (path.equals(fileName) || path.equals("src/" + fileName))
        && (exported.contains("middleware") || exported.contains("default"))) {
      site.exportEntry(
          new EntryPoint(EntryPointKind.HTTP, "middleware", site.source().location(anchor)),
          anchor,
          exported.contains("middleware") ? "middleware" : "default");
    }
  }

  /**
   * A route handler: cron when Vercel schedules it or QStash signs it, else by path and handler.
   */
  private static void routeHandler(TsSite site, String route, String export) {
    String method = export.equals("default") ? "ANY" : export;
    String local = site.module().exports.get(export);
    TsNode handler = local == null ? null : site.unitNode(local);
    TsNode anchor = handler == null ? site.source().root() : handler;
    var schedule = ProjectFiles.of(site.context()).vercelCron(route);
    EntryPoint entryPoint;
    if (schedule.isPresent() && (method.equals("GET") || method.equals("ANY"))) {
      entryPoint =
          new EntryPoint(
              EntryPointKind.CRON,
              "vercel cron " + route + " (" + schedule.get() + ")",
              site.source().location(anchor));
    } else if (handler != null && site.callsWithin(handler, QSTASH)) {
      entryPoint =
          new EntryPoint(
              EntryPointKind.CRON,
              "qstash " + method + " " + route,
              site.source().location(anchor));
    } else {
      boolean signed = handler != null && site.callsWithin(handler, RoutePaths.SIGNATURE_CHECKS);
      entryPoint =
          new EntryPoint(
              RoutePaths.kind(route, signed), method + " " + route, site.source().location(anchor));
    }
    site.exportEntry(entryPoint, anchor, export);
  }

  /** Names the module exports, its own and re-exported ones. */
  static Set<String> exported(TsModule module) {
    Set<String> names = new LinkedHashSet<>(module.exports.keySet());
    for (TsModule.ReExport reExport : module.reExports) {
      if (reExport.exported() != null) {
        names.add(reExport.exported());
      }
    }
    return names;
  }
}
