package dev.blastradius.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelTest {

  private static final List<Integer> ITEMS = IntStream.range(0, 200).boxed().toList();

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 7})
  void resultsComeBackInTheOrderOfTheItems(int threads) {
    assertThat(Parallel.map(ITEMS, threads, i -> i * 2))
        .isEqualTo(ITEMS.stream().map(i -> i * 2).toList());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void anItemThatThrowsAnythingBecomesWhatFailedMakesOfIt(int threads) {
    List<String> results =
        Parallel.map(
            ITEMS,
            threads,
            i -> {
              if (i == 13) {
                throw new StackOverflowError("deep");
              }
              if (i == 42) {
                throw new IllegalArgumentException("bad");
              }
              return "ok " + i;
            },
            (i, e) -> "failed " + i + ": " + e.getClass().getSimpleName());
    assertThat(results).hasSize(ITEMS.size());
    assertThat(results.get(13)).isEqualTo("failed 13: StackOverflowError");
    assertThat(results.get(42)).isEqualTo("failed 42: IllegalArgumentException");
    assertThat(results.get(14)).isEqualTo("ok 14");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void withoutFailedTheExceptionIsRethrownWithItsCause(int threads) {
    assertThatThrownBy(
            () ->
                Parallel.map(
                    ITEMS,
                    threads,
                    i -> {
                      if (i == 5) {
                        throw new IllegalArgumentException("bad item");
                      }
                      return i;
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasRootCauseInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad item");
  }
}
