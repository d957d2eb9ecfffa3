package dev.blastradius.lang.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.blastradius.graph.Access;
import dev.blastradius.graph.Confidence;
import dev.blastradius.pipeline.AnalysisResult;
import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Django models (table names, db_column, foreign keys, abstract bases, proxies, multi-table
 * inheritance, custom managers) and the ORM calls that read and write their columns.
 */
class DjangoOrmTest {

  static final String MODELS =
      """
      from django.db import models


      class TimeStamped(models.Model):
          created = models.DateTimeField(auto_now_add=True)

          class Meta:
              abstract = True


      class Customer(TimeStamped):
          email = models.EmailField(db_column="email_address")
          name = models.CharField(max_length=100)

          class Meta:
              db_table = "customers"


      class OrderManager(models.Manager):
          def paid(self):
              # expect: read shop_order.status, read shop_order.id, read shop_order.created, read shop_order.customer_id, read shop_order.total
              return self.filter(status="paid")


      class Order(TimeStamped):
          customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="orders")
          total = models.DecimalField(max_digits=10, decimal_places=2)
          status = models.CharField(max_length=10)

          objects = OrderManager()


      class PaidOrder(Order):
          class Meta:
              proxy = True


      class GiftOrder(Order):
          message = models.TextField()
      """;

  static ExtractorTestHelper shop() {
    return ExtractorTestHelper.create()
        .source("shop/__init__.py", "")
        .source("shop/models.py", MODELS);
  }

  @Test
  void positive_querysetsReadLookupsAndLoadWholeModels() {
    shop()
        .source(
            "shop/services.py",
            """
            from django.db.models import F, Q, Count
            from .models import Customer, Order


            def find(email):
                # expect: read customers.email_address, read customers.id, read customers.created, read customers.name
                return Customer.objects.filter(email__iexact=email).first()


            def emails():
                # expect: read customers.email_address
                return list(Customer.objects.values_list("email", flat=True))


            def big_spenders():
                # expect: read shop_order.total, read shop_order.customer_id, read customers.name, read shop_order.id, read shop_order.created, read shop_order.status
                return Order.objects.filter(Q(total__gt=100) | Q(customer__name="VIP")).order_by("-created")


            def with_counts():
                # expect: read shop_order.customer_id, read shop_order.id, read customers.id, read customers.created, read customers.email_address, read customers.name
                return Customer.objects.annotate(n=Count("orders"))


            def how_many():
                # expect: read shop_order.*
                return Order.objects.count()
            """)
        .doTest();
  }

  @Test
  void positive_querysetWritesUpdatesCreatesAndDeletes() {
    AnalysisResult result =
        shop()
            .source(
                "shop/writes.py",
                """
                from django.db.models import F
                from .models import Customer, Order


                def ship(order_ids):
                    # expect: write shop_order.status, read shop_order.id
                    Order.objects.filter(id__in=order_ids).update(status="shipped")


                def discount():
                    # expect: write shop_order.total, read shop_order.total
                    Order.objects.update(total=F("total") * 0.9)


                def signup(email, name):
                    # expect: write customers.email_address, write customers.name, write customers.id, write customers.created
                    return Customer.objects.create(email=email, name=name)


                def ensure(email):
                    # expect: read customers.email_address, write customers.name, write customers.email_address, write customers.id, write customers.created, read customers.id, read customers.created, read customers.name
                    return Customer.objects.get_or_create(email=email, defaults={"name": "?"})


                def purge():
                    # expect: write shop_order.*, read shop_order.status
                    Order.objects.filter(status="cancelled").delete()
                """)
            .doTest();
    assertThat(result.graph().accesses())
        .filteredOn(
            a -> a.location().path().equals("shop/writes.py") && a.location().startLine() == 17)
        .filteredOn(a -> a.column().column().equals("created"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.implicit()).isTrue();
              assertThat(a.confidence()).isEqualTo(Confidence.LIKELY);
            });
  }

  @Test
  void positive_instancesSaveDeleteRefreshAndForeignKeys() {
    shop()
        .source(
            "shop/instances.py",
            """
            from django.shortcuts import get_object_or_404
            from .models import Customer, Order


            def rename(customer_id, name):
                # expect: read customers.id, read customers.created, read customers.email_address, read customers.name
                customer = Customer.objects.get(pk=customer_id)
                # expect: none
                customer.name = name
                # expect: write customers.name
                customer.save(update_fields=["name"])


            def touch(order: Order):
                # expect: write shop_order.id, write shop_order.created, write shop_order.customer_id, write shop_order.total, write shop_order.status
                order.save()
                # expect: write shop_order.*
                order.delete()


            def greet(request, pk):
                # expect: read shop_order.id, read shop_order.created, read shop_order.customer_id, read shop_order.total, read shop_order.status
                order = get_object_or_404(Order, pk=pk)
                # expect: read customers.email_address, read customers.id, read customers.created, read customers.name
                return order.customer.email


            def totals():
                # expect: read shop_order.status, read shop_order.id, read shop_order.created, read shop_order.customer_id, read shop_order.total
                for order in Order.objects.filter(status="paid"):
                    # expect: none
                    print(order.total)


            def reload(customer: Customer):
                # expect: read customers.name
                customer.refresh_from_db(fields=["name"])
            """)
        .doTest();
  }

  @Test
  void positive_inheritanceProxiesAndCustomManagers() {
    shop()
        .source(
            "shop/reports.py",
            """
            from .models import GiftOrder, Order, PaidOrder


            def gifts():
                # expect: read shop_giftorder.message, read shop_giftorder.order_ptr_id, read shop_order.id, read shop_order.created, read shop_order.customer_id, read shop_order.total, read shop_order.status
                return GiftOrder.objects.all()


            def paid_proxies():
                # expect: read shop_order.total
                return PaidOrder.objects.values("total")


            def paid():
                # expect: read shop_order.id, read shop_order.created, read shop_order.customer_id, read shop_order.total, read shop_order.status
                return Order.objects.paid()
            """)
        .doTest();
  }

  @Test
  void negative_nonModelsAndUnknownReceiversAreIgnored() {
    AnalysisResult result =
        shop()
            .source(
                "shop/other.py",
                """
                from .models import TimeStamped


                class Config:
                    objects = {}


                def unrelated(thing, cache):
                    # expect: none
                    Config.objects.get("x")
                    # expect: none
                    thing.objects.filter(a=1)
                    # expect: none
                    cache.save()
                    # expect: none
                    return TimeStamped
                """)
            .doTest();
    assertThat(result.graph().accesses())
        .extracting(Access::location)
        .noneMatch(l -> l.path().equals("shop/other.py"));
  }
}
