package dev.blastradius.lang.python.django;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DjangoStateTest {

  private static DjangoState withOrder() {
    DjangoState state = new DjangoState();
    DjangoState.Model order = new DjangoState.Model("shop", "Order", "shop_order", false);
    order.fields.put("total", new DjangoState.Field("total", "total", "integer", false, false));
    state.put(order);
    return state;
  }

  @Test
  void positive_changesAfterACopyAreTheirOwn() {
    DjangoState state = withOrder();
    DjangoState snapshot = state.copy();
    state.model("shop", "Order").fields.remove("total");
    state.model("shop", "order").table = "orders";
    DjangoState.Model before = snapshot.model("shop", "Order");
    assertThat(before.fields).containsOnlyKeys("total");
    assertThat(before.table).isEqualTo("shop_order");
    before.fields.put("paid", new DjangoState.Field("paid", "paid", "boolean", true, false));
    assertThat(state.model("shop", "Order").fields).isEmpty();
    assertThat(state.model("shop", "Order").table).isEqualTo("orders");
  }

  @Test
  void negative_removingOrAddingAfterACopyLeavesTheCopyAlone() {
    DjangoState state = withOrder();
    DjangoState snapshot = state.copy();
    state.remove("shop", "Order");
    state.put(new DjangoState.Model("shop", "Invoice", "shop_invoice", false));
    assertThat(state.model("shop", "Order")).isNull();
    assertThat(snapshot.model("shop", "Invoice")).isNull();
    assertThat(snapshot.model("shop", "Order").fields).containsOnlyKeys("total");
    // A second copy of the copy is as independent.
    DjangoState again = snapshot.copy();
    again.model("shop", "Order").fields.clear();
    assertThat(snapshot.model("shop", "Order").fields).containsOnlyKeys("total");
  }
}
