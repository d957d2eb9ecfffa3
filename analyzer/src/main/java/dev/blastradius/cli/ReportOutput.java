package dev.blastradius.cli;

import dev.blastradius.report.ReportModel;
import dev.blastradius.report.codequality.CodeQualityReport;
import dev.blastradius.report.dot.DotReport;
import dev.blastradius.report.html.HtmlReport;
import dev.blastradius.report.json.JsonReport;
import dev.blastradius.report.markdown.MarkdownReport;
import dev.blastradius.report.sarif.SarifReport;
import dev.blastradius.report.text.TextReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * Decides where each requested format goes (DESIGN §4 {@code --output}) and writes it. Text goes to
 * stdout unless {@code --quiet}; the other formats go to {@code --output}, which is stdout ({@code
 * -}), a directory of fixed file names, or a single file.
 */
final class ReportOutput {

  private final Set<ReportFormat> formats;
  private final String output;
  private final boolean quiet;

  private ReportOutput(Set<ReportFormat> formats, String output, boolean quiet) {
    this.formats = formats;
    this.output = output;
    this.quiet = quiet;
  }

  /** Validates {@code --format}/{@code --output}; usage errors name the bad value. */
  static ReportOutput from(CommonOptions options, CommandLine commandLine) {
    Set<ReportFormat> formats = new LinkedHashSet<>();
    for (String name : options.formats) {
      String trimmed = name.strip();
      ReportFormat format =
          ReportFormat.fromName(trimmed)
              .orElseThrow(
                  () ->
                      new CommandLine.ParameterException(
                          commandLine,
                          "--format: unknown format '"
                              + trimmed
                              + "' (expected text, json, sarif, html, markdown, dot or codequality)"));
      if (!format.implemented()) {
        throw new CommandLine.ParameterException(
            commandLine, "--format: '" + trimmed + "' is not implemented in this version yet");
      }
      formats.add(format);
    }
    List<ReportFormat> files = nonText(formats);
    boolean toStdout = options.output == null || options.output.equals("-");
    if (toStdout && files.size() > 1) {
      throw new CommandLine.ParameterException(
          commandLine, "--output DIR is required to write more than one of json, sarif, …");
    }
    if (toStdout && files.size() == 1 && formats.contains(ReportFormat.TEXT) && !options.quiet) {
      throw new CommandLine.ParameterException(
          commandLine,
          "--output is required: text and " + files.get(0).cliName() + " cannot both go to stdout");
    }
    return new ReportOutput(formats, options.output, options.quiet);
  }

  /** Writes every format; problems writing are usage errors naming the path. */
  void write(ReportModel model, PrintWriter stdout, CommandLine commandLine) {
    List<ReportFormat> files = nonText(formats);
    boolean toStdout = output == null || output.equals("-");
    if (formats.contains(ReportFormat.TEXT)) {
      if (files.isEmpty() && !toStdout) {
        writeFile(Path.of(output), TextReport.render(model), commandLine);
      } else if (!quiet) {
        stdout.print(TextReport.render(model));
      }
    }
    if (files.isEmpty()) {
      stdout.flush();
      return;
    }
    if (toStdout) {
      stdout.print(render(files.get(0), model));
      stdout.flush();
      return;
    }
    Path target = Path.of(output);
    boolean directory = Files.isDirectory(target) || output.endsWith("/") || files.size() > 1;
    if (directory) {
      for (ReportFormat format : files) {
        writeFile(target.resolve(format.fileName()), render(format, model), commandLine);
      }
    } else {
      writeFile(target, render(files.get(0), model), commandLine);
    }
    stdout.flush();
  }

  private static String render(ReportFormat format, ReportModel model) {
    return switch (format) {
      case TEXT -> TextReport.render(model);
      case JSON -> JsonReport.render(model);
      case SARIF -> SarifReport.render(model);
      case HTML -> HtmlReport.render(model);
      case MARKDOWN -> MarkdownReport.render(model);
      case DOT -> DotReport.render(model);
      case CODEQUALITY -> CodeQualityReport.render(model);
    };
  }

  private static List<ReportFormat> nonText(Set<ReportFormat> formats) {
    List<ReportFormat> result = new ArrayList<>(formats);
    result.remove(ReportFormat.TEXT);
    return result;
  }

  private static void writeFile(Path file, String content, CommandLine commandLine) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CommandLine.ParameterException(
          commandLine, "--output: cannot write " + file + ": " + e.getMessage());
    }
  }
}
