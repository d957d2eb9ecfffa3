package dev.blastradius.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * An immutable map that shares most of its state with the version it was derived from: a large base
 * that is never changed once built, plus a small delta of the changes since. Deriving a version
 * copies only the delta, and folds it into a fresh base once it grows past about twice the square
 * root of the base, so replaying {@code n} changes into a map of size {@code s} costs O(n·√s)
 * instead of the O(n·s) of copying the whole map each time. Migration histories create hundreds of
 * tables and the catalog is snapshotted after every DDL statement, which made full copies the main
 * cost of analysing them.
 *
 * <p>Values are never null; a null value in {@link #with} removes the key.
 */
final class LayeredMap<K extends Comparable<? super K>, V> {

  /** Marks a key the delta removed from the base. */
  private static final Object REMOVED = new Object();

  @SuppressWarnings("rawtypes")
  private static final LayeredMap EMPTY = new LayeredMap<String, Object>(Map.of(), Map.of());

  private final Map<K, V> base;
  private final Map<K, Object> delta;

  private LayeredMap(Map<K, V> base, Map<K, Object> delta) {
    this.base = base;
    this.delta = delta;
  }

  /** The empty map. */
  @SuppressWarnings("unchecked")
  static <K extends Comparable<? super K>, V> LayeredMap<K, V> empty() {
    return (LayeredMap<K, V>) EMPTY;
  }

  /** The value of {@code key}, or null. */
  @SuppressWarnings("unchecked")
  V get(K key) {
    Object changed = delta.get(key);
    if (changed != null) {
      return changed == REMOVED ? null : (V) changed;
    }
    return base.get(key);
  }

  /** True when the map holds {@code key}. */
  boolean containsKey(K key) {
    return get(key) != null;
  }

  /**
   * This map with {@code changes} applied: each key is set to its value, or removed when the value
   * is null. This map is unchanged.
   */
  LayeredMap<K, V> with(Map<K, V> changes) {
    if (changes.isEmpty()) {
      return this;
    }
    Map<K, Object> newDelta = new HashMap<>(delta);
    changes.forEach((key, value) -> newDelta.put(key, value == null ? REMOVED : value));
    if (newDelta.size() <= 16 + 2 * (int) Math.sqrt(base.size())) {
      return new LayeredMap<>(base, newDelta);
    }
    Map<K, V> newBase = new HashMap<>(base);
    applyTo(newBase, newDelta);
    return new LayeredMap<>(newBase, Map.of());
  }

  /** Every entry, in no particular order. */
  void forEach(BiConsumer<K, V> action) {
    merged().forEach(action);
  }

  /** The values ordered by key. */
  List<V> sortedValues() {
    Map<K, V> all = merged();
    List<K> keys = new ArrayList<>(all.keySet());
    Collections.sort(keys);
    List<V> values = new ArrayList<>(keys.size());
    keys.forEach(k -> values.add(all.get(k)));
    return List.copyOf(values);
  }

  private Map<K, V> merged() {
    if (delta.isEmpty()) {
      return base;
    }
    Map<K, V> all = new HashMap<>(base);
    applyTo(all, delta);
    return all;
  }

  @SuppressWarnings("unchecked")
  private static <K, V> void applyTo(Map<K, V> target, Map<K, Object> delta) {
    delta.forEach(
        (key, value) -> {
          if (value == REMOVED) {
            target.remove(key);
          } else {
            target.put(key, (V) value);
          }
        });
  }
}
