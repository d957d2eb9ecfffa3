package dev.blastradius.report.html;

import dev.blastradius.report.ReportModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The self-contained HTML report (DESIGN §6): {@code report-templates/report.html} with the report
 * data embedded as JSON in a {@code <script type="application/json">} element and a strict Content
 * Security Policy. The template holds exactly one {@code <style>} and one executable {@code
 * <script>}; their SHA-256 hashes are computed here and are the only styles and code the policy
 * allows, so nothing else — not even markup smuggled into the data — can run. The page's script
 * renders the data with {@code textContent} and {@code createElement} only. No timestamps: equal
 * input gives equal bytes.
 */
public final class HtmlReport {

  static final String TEMPLATE = "/report-templates/report.html";
  static final String CSP_PLACEHOLDER = "{{CSP}}";
  static final String DATA_PLACEHOLDER = "{{DATA}}";

  private static final String STYLE_OPEN = "<style>";
  private static final String STYLE_CLOSE = "</style>";
  private static final String SCRIPT_OPEN = "<script>";
  private static final String SCRIPT_CLOSE = "</script>";

  private HtmlReport() {}

  /** The report as one HTML document. */
  public static String render(ReportModel model) {
    String template = template();
    String csp = contentSecurityPolicy(template);
    String data = escapeForScript(HtmlData.json(model));
    // The CSP goes in first: the data may contain any text, including the placeholders.
    String withCsp = replaceOnce(template, CSP_PLACEHOLDER, csp);
    return replaceOnce(withCsp, DATA_PLACEHOLDER, data);
  }

  /**
   * The policy: nothing may load (no network, no files, no frames, no forms, no base URL); the
   * template's one style element and one script element are allowed by hash.
   */
  static String contentSecurityPolicy(String template) {
    return "default-src 'none'; script-src '"
        + sha256(between(template, SCRIPT_OPEN, SCRIPT_CLOSE))
        + "'; style-src '"
        + sha256(between(template, STYLE_OPEN, STYLE_CLOSE))
        + "'; base-uri 'none'; form-action 'none'";
  }

  /**
   * JSON that is safe inside a {@code <script>} element: {@code <}, {@code >} and {@code &} become
   * JSON backslash-u escapes (so no {@code </script>} or {@code <!--} can end or confuse the
   * element), and so do U+2028 and U+2029. These characters only occur inside JSON strings, where
   * the escapes decode to the same text.
   */
  static String escapeForScript(String json) {
    StringBuilder out = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String template() {
    try (InputStream in = HtmlReport.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException(TEMPLATE + " is missing from the jar; the build is broken");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text between the only {@code open} tag and the next {@code close} tag. */
  private static String between(String template, String open, String close) {
    int start = template.indexOf(open);
    if (start < 0 || template.indexOf(open, start + 1) >= 0) {
      throw new IllegalStateException(TEMPLATE + " must contain exactly one " + open);
    }
    int end = template.indexOf(close, start);
    if (end < 0) {
      throw new IllegalStateException(TEMPLATE + ": " + open + " is never closed");
    }
    return template.substring(start + open.length(), end);
  }

  private static String replaceOnce(String text, String placeholder, String value) {
    int at = text.indexOf(placeholder);
    if (at < 0 || text.indexOf(placeholder, at + placeholder.length()) >= 0) {
      throw new IllegalStateException(TEMPLATE + " must contain " + placeholder + " exactly once");
    }
    return text.substring(0, at) + value + text.substring(at + placeholder.length());
  }

  /** {@code sha256-<base64>}, the CSP source expression for an inline element's exact text. */
  static String sha256(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
  }
}
