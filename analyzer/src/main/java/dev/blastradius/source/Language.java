package dev.blastradius.source;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages we have a frontend for, with their file extensions and line-comment leader. */
public enum Language {
  SQL("--", List.of(".sql")),
  JAVA("//", List.of(".java")),
  TYPESCRIPT("//", List.of(".ts", ".tsx", ".mts", ".cts")),
  JAVASCRIPT("//", List.of(".js", ".jsx", ".mjs", ".cjs")),
  PYTHON("#", List.of(".py")),
  SHELL("#", List.of(".sh", ".bash")),
  /**
   * Scheduler and process definitions without a language of their own: crontabs, {@code *.cron},
   * {@code cron.d/*}, {@code Procfile}, systemd units; see {@link #ofPath}.
   */
  SCHEDULE("#", List.of(".cron", ".service", ".timer")),
  /** Prisma schemas: read by the TypeScript frontend for the models its client calls use. */
  PRISMA("//", List.of(".prisma")),
  /** Markdown: SQL code blocks of runbooks and docs, read by the docs frontend. */
  MARKDOWN("<!--", List.of(".md", ".markdown")),
  /** Configuration and changelog formats: read by migration layouts, no frontend of their own. */
  XML("<!--", List.of(".xml")),
  YAML("#", List.of(".yaml", ".yml")),
  JSON("", List.of(".json")),
  PROPERTIES("#", List.of(".properties"));

  private final String lineComment;
  private final List<String> extensions;

  Language(String lineComment, List<String> extensions) {
    this.lineComment = lineComment;
    this.extensions = extensions;
  }

  /**
   * The token that starts a line comment, which is also the marker and suppression leader; "" for
   * JSON, which has no comments (its markers go in a sidecar file).
   */
  public String lineComment() {
    return lineComment;
  }

  /**
   * The language of a file by its repository path: {@link #ofFileName}, and scheduler files known
   * by name or directory ({@code crontab}, {@code Procfile}, anything in a {@code cron.d/}).
   */
  public static Optional<Language> ofPath(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (name.equals("crontab") || name.equals("Procfile") || ("/" + path).contains("/cron.d/")) {
      return Optional.of(SCHEDULE);
    }
    return ofFileName(name);
  }

  /** The language of a file by its name, or empty when no frontend handles it. */
  public static Optional<Language> ofFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    for (Language language : values()) {
      for (String extension : language.extensions) {
        if (lower.endsWith(extension)) {
          return Optional.of(language);
        }
      }
    }
    return Optional.empty();
  }
}
