package dev.blastradius.lang.python;

import org.junit.jupiter.api.Test;

/**
 * Django querysets kept in local variables are read where they are evaluated, with the filters of
 * every assignment to the variable; building them runs no SQL. Uses the models of {@link
 * DjangoOrmTest}.
 */
class DjangoLazyQuerysetsTest {

  @Test
  void positive_terminalMethodsReadTheWholeChain() {
    DjangoOrmTest.shop()
        .source(
            "shop/lazy.py",
            """
            from .models import Order


            def claim(order_id, now):
                q = Order.objects.filter(id=order_id, status="new")
                # expect: read shop_order.id, read shop_order.status, write shop_order.status
                return q.update(status="claimed")


            def latest(customer):
                q = Order.objects.filter(customer=customer)
                q = q.order_by("-created")
                # expect: read shop_order.customer_id, read shop_order.created, read shop_order.id, read shop_order.total, read shop_order.status
                return q.first()


            def totals(customer):
                q = Order.objects.filter(customer=customer)
                pairs = q.values_list("total", "status")
                # expect: read shop_order.customer_id, read shop_order.*
                n = q.count()
                result = []
                # expect: read shop_order.customer_id, read shop_order.total, read shop_order.status
                result.extend(pairs)
                return n, result


            def purge(status):
                q = Order.objects.filter(status=status)
                # expect: read shop_order.status, write shop_order.*
                q.delete()
            """)
        .doTest();
  }

  @Test
  void positive_iterationListSliceComprehensionAndConditions() {
    DjangoOrmTest.shop()
        .source(
            "shop/iterate.py",
            """
            from .models import Order


            def report(customer, start, end, limit):
                orders = Order.objects.filter(customer=customer).order_by("-created")
                if start:
                    orders = orders.filter(created__gte=start)
                # expect: read shop_order.customer_id, read shop_order.created, read shop_order.id, read shop_order.total, read shop_order.status
                for order in orders:
                    print(order)
                # expect: read shop_order.customer_id, read shop_order.created, read shop_order.id, read shop_order.total, read shop_order.status
                page = list(orders[:limit])
                # expect: read shop_order.customer_id, read shop_order.created, read shop_order.id, read shop_order.total, read shop_order.status
                if not orders:
                    return []
                # expect: read shop_order.customer_id, read shop_order.created, read shop_order.id, read shop_order.total, read shop_order.status
                return [o.total for o in orders] + page
            """)
        .doTest();
  }

  @Test
  void negative_buildingAQuerysetRunsNothing() {
    DjangoOrmTest.shop()
        .source(
            "shop/unused.py",
            """
            from .models import Order


            def never_run(customer):
                # expect: none
                q = Order.objects.filter(customer=customer)
                # expect: none
                q = q.exclude(status="cancelled")
                return None
            """)
        .doTest();
  }

  @Test
  void negative_aQuerysetThatLeavesTheFunctionStaysWhereItIsBuilt() {
    DjangoOrmTest.shop()
        .source(
            "shop/escape.py",
            """
            from .models import Order


            def paid():
                # expect: read shop_order.status, read shop_order.id, read shop_order.created, read shop_order.customer_id, read shop_order.total
                q = Order.objects.filter(status="paid")
                return q


            def render(template, context):
                return template


            def page(customer):
                # expect: read shop_order.customer_id, read shop_order.id, read shop_order.created, read shop_order.total, read shop_order.status
                orders = Order.objects.filter(customer=customer)
                # expect: none
                return render("page.html", {"orders": orders})
            """)
        .doTest();
  }
}
