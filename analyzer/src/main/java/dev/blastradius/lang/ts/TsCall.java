package dev.blastradius.lang.ts;

/**
 * A call (or {@code new}) expression as adapters see it: the node, the unit that makes it, and the
 * chain it ends, read on first use.
 *
 * @param chainHead false for the inner calls of a chain ({@code a.b()} in {@code a.b().c()}), which
 *     adapters that read whole chains skip
 */
public final class TsCall {

  private final TsNode node;
  private final String unitId;
  private final boolean chainHead;
  private final TsSource source;
  private CallChain chain;
  private Boolean isNew;
  private TsNode parent;

  TsCall(TsNode node, String unitId, boolean chainHead, TsSource source) {
    this.node = node;
    this.unitId = unitId;
    this.chainHead = chainHead;
    this.source = source;
  }

  public TsNode node() {
    return node;
  }

  /** The unit that makes the call. */
  public String unitId() {
    return unitId;
  }

  /** Whether this call is the outermost of its chain. */
  public boolean chainHead() {
    return chainHead;
  }

  /** Whether this is a {@code new} expression. */
  public boolean isNew() {
    if (isNew == null) {
      isNew = node.getType().equals("new_expression"); // once: every adapter asks (a JNI call)
    }
    return isNew;
  }

  /** The node's parent, read once. */
  public TsNode parent() {
    if (parent == null) {
      parent = node.getParent();
    }
    return parent;
  }

  /** The chain this call ends. */
  public CallChain chain() {
    if (chain == null) {
      chain = CallChain.of(node, source);
    }
    return chain;
  }
}
