package dev.blastradius.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
   * should become a problem inside {@code work}.
   */
  public static <T, R> List<R> map(List<T> items, int threads, Function<T, R> work) {
    if (threads <= 1 || items.size() < 2) {
      return items.stream().map(work).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()));
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> work.apply(item)));
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
      throw new IllegalStateException(e.getCause().toString(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
