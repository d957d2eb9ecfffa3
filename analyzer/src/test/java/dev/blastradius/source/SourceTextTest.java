package dev.blastradius.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceTextTest {

  @Test
  void decodesAsciiAndUtf8WithoutProblem() {
    String text = "const a = 1;\nconst ß = 'naïve — 日本';\n";
    SourceText decoded = SourceText.decode("a.ts", text.getBytes(StandardCharsets.UTF_8));
    assertThat(decoded.text()).isEqualTo(text);
    assertThat(decoded.problem()).isEmpty();
  }

  @Test
  void aReplacementCharacterWrittenInTheFileIsNotAProblem() {
    String text = "const unknown = '\uFFFD';\n";
    SourceText decoded = SourceText.decode("a.ts", text.getBytes(StandardCharsets.UTF_8));
    assertThat(decoded.text()).isEqualTo(text);
    assertThat(decoded.problem()).isEmpty();
  }

  @Test
  void malformedUtf8IsReplacedAndReportedWithItsLine() {
    byte[] bytes = {'a', '\n', 'b', '\n', (byte) 0xC3, '(', '\n'};
    SourceText decoded = SourceText.decode("a.sql", bytes);
    assertThat(decoded.text()).isEqualTo("a\nb\n\uFFFD(\n");
    assertThat(decoded.problem())
        .hasValueSatisfying(
            p -> {
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.cause()).startsWith("invalid UTF-8");
            });
  }

  @Test
  void aLiteralReplacementCharacterBeforeMalformedBytesStillReportsTheMalformedOnes() {
    byte[] literal = "x = '\uFFFD'\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[literal.length + 2];
    System.arraycopy(literal, 0, bytes, 0, literal.length);
    bytes[literal.length] = (byte) 0xFF;
    bytes[literal.length + 1] = '\n';
    SourceText decoded = SourceText.decode("a.py", bytes);
    assertThat(decoded.problem()).isPresent();
  }

  @Test
  void aByteOrderMarkIsDropped() {
    byte[] bytes = "\uFEFFselect 1;".getBytes(StandardCharsets.UTF_8);
    assertThat(SourceText.decode("a.sql", bytes).text()).isEqualTo("select 1;");
  }
}
