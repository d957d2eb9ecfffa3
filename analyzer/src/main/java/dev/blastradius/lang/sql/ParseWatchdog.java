package dev.blastradius.lang.sql;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import net.sf.jsqlparser.parser.CCJSqlParser;

/**
 * Enforces the per-statement time limit of JSqlParser runs that happen on the caller's thread. One
 * daemon thread looks at the running parses every few milliseconds and sets the {@code interrupted}
 * flag of those past their deadline; JSqlParser polls that flag in its expression rules, where
 * backtracking can grow exponentially, and stops trying the expensive alternatives. Handing each
 * statement to a pool thread instead cost two thread wake-ups per statement, more than parsing a
 * short statement takes.
 *
 * <p>Each parsing thread registers one {@link Slot} once; starting and finishing a parse are two
 * field writes and a compare-and-set, with no shared collection touched per statement.
 */
final class ParseWatchdog {

  /** How often the watchdog looks when every deadline is far away. */
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private static final int RUNNING = 0;
  private static final int FINISHED = 1;
  private static final int EXPIRED = 2;

  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(Run.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * One parse in progress. Exactly one of the parsing thread ({@link #finish}) and the watchdog (on
   * the deadline) moves it out of RUNNING, so a parse that ends just as its time runs out is either
   * used or reported as timed out, never both.
   */
  static final class Run {
    private final CCJSqlParser parser;
    private final long deadline;

    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state = RUNNING;

    private Run(CCJSqlParser parser, long deadline) {
      this.parser = parser;
      this.deadline = deadline;
    }

    private boolean running() {
      return state == RUNNING;
    }

    private void expire() {
      if (STATE.compareAndSet(this, RUNNING, EXPIRED)) {
        parser.interrupted = true;
      }
    }
  }

  /** A parsing thread's current run, if any. */
  private static final class Slot {
    private final WeakReference<Thread> owner = new WeakReference<>(Thread.currentThread());
    private volatile Run current;
  }

  static final ParseWatchdog INSTANCE = new ParseWatchdog();

  private final List<Slot> slots = new CopyOnWriteArrayList<>();
  private final ThreadLocal<Slot> slot = ThreadLocal.withInitial(this::register);
  private final Thread thread;

  private ParseWatchdog() {
    thread = new Thread(this::watch, "blastradius-sql-parse-watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  /** Watches {@code parser} until {@link #finish}; it is interrupted after {@code deadline}. */
  Run start(CCJSqlParser parser, long deadline) {
    Run run = new Run(parser, deadline);
    slot.get().current = run;
    if (deadline - System.nanoTime() < TICK_NANOS) {
      LockSupport.unpark(thread); // only short limits (tests) need a look before the next tick
    }
    return run;
  }

  /**
   * Stops watching; call exactly once per {@link #start}, also when parsing threw. Returns false
   * when the deadline passed first: the parse's result is not to be used, and its parser has been
   * told to stop.
   */
  boolean finish(Run run) {
    slot.get().current = null;
    return STATE.compareAndSet(run, RUNNING, FINISHED);
  }

  private Slot register() {
    Slot created = new Slot();
    slots.add(created);
    return created;
  }

  private void watch() {
    while (true) {
      long now = System.nanoTime();
      long sleep = TICK_NANOS;
      for (Slot watched : slots) {
        Run run = watched.current;
        if (run != null && run.running()) {
          long left = run.deadline - now;
          if (left <= 0) {
            run.expire();
          } else {
            sleep = Math.min(sleep, left);
          }
        } else if (run == null && watched.owner.get() == null) {
          slots.remove(watched); // the thread has ended
        }
      }
      LockSupport.parkNanos(this, Math.max(sleep, TimeUnit.MICROSECONDS.toNanos(100)));
    }
  }
}
