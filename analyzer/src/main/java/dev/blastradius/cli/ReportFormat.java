package dev.blastradius.cli;

import java.util.Optional;

/** The formats of {@code --format}, with the fixed file names used in directory mode. */
enum ReportFormat {
  TEXT("text", "report.txt", true),
  JSON("json", "report.json", true),
  SARIF("sarif", "report.sarif", true),
  HTML("html", "report.html", true),
  MARKDOWN("markdown", "report.md", true),
  DOT("dot", "report.dot", true),
  CODEQUALITY("codequality", "codequality.json", true);

  private final String cliName;
  private final String fileName;
  private final boolean implemented;

  ReportFormat(String cliName, String fileName, boolean implemented) {
    this.cliName = cliName;
    this.fileName = fileName;
    this.implemented = implemented;
  }

  String cliName() {
    return cliName;
  }

  String fileName() {
    return fileName;
  }

  boolean implemented() {
    return implemented;
  }

  static Optional<ReportFormat> fromName(String name) {
    for (ReportFormat format : values()) {
      if (format.cliName.equals(name)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }
}
