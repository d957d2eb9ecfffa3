package dev.blastradius.lang.ts;

/** Test code by path: {@code *.test.*}, {@code *.spec.*}, {@code __tests__/}, {@code e2e/}. */
final class TestFiles {

  private TestFiles() {}

  static boolean isTest(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.contains(".test.")
        || name.contains(".spec.")
        || path.contains("__tests__/")
        || path.startsWith("e2e/")
        || path.contains("/e2e/")
        || path.startsWith("test/")
        || path.contains("/test/")
        || path.startsWith("tests/")
        || path.contains("/tests/");
  }
}
