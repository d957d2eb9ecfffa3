package dev.blastradius.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs independent work items on a few threads, for link phases that parse the files they find they
 * need ({@link ExtractContext#threads()}). Results come back in the order of the items, so what is
 * built from them does not depend on scheduling.
 */
public final class Parallel {

  private Parallel() {}

  /**
   * {@code work} applied to each item, on up to {@code threads} threads; the results in the order
   * of {@code items}. An exception thrown by {@code work} is rethrown (wrapped) here; catch what
   * should become a problem inside {@code work}, or use {@link #map(List, int, Function,
   * BiFunction)}.
   */
  public static <T, R> List<R> map(List<T> items, int threads, Function<T, R> work) {
    return map(
        items,
        threads,
        work,
        (item, e) -> {
          throw new IllegalStateException(e.toString(), e);
        });
  }

  /**
   * {@code work} applied to each item, on up to {@code threads} threads; the results in the order
   * of {@code items}. When {@code work} throws anything, errors included (a stack overflow or an
   * out-of-memory error on one huge file must not end the run), the item's result is {@code
   * failed(item, thrown)} instead; with one thread as with several.
   */
  public static <T, R> List<R> map(
      List<T> items, int threads, Function<T, R> work, BiFunction<T, Throwable, R> failed) {
    Function<T, R> guarded =
        item -> {
          try {
            return work.apply(item);
          } catch (Throwable e) { // the caller decides what a failed item becomes
            return failed.apply(item, e);
          }
        };
    if (threads <= 1 || items.size() < 2) {
      return items.stream().map(guarded).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()));
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> guarded.apply(item)));
      }
      List<R> results = new ArrayList<>();
      for (Future<R> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      // Only when failed itself threw.
      throw new IllegalStateException(e.getCause().toString(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
