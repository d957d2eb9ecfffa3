package dev.blastradius.lang.python;

import org.junit.jupiter.api.Test;

/**
 * Model instances that Django code gets other than from a plain query: {@code obj, created =
 * M.objects.get_or_create(…)}; and attribute access on instances, which is no SQL in Django. Uses
 * the models of {@link DjangoOrmTest}.
 */
class DjangoInstancesTest {

  @Test
  void positive_getOrCreatePairBindsTheInstance() {
    DjangoOrmTest.shop()
        .source(
            "shop/buckets.py",
            """
            from .models import Customer


            def touch(email):
                # expect: read customers.email_address, read customers.id, read customers.created, read customers.name, write customers.email_address, write customers.id, write customers.created, write customers.name
                obj, created = Customer.objects.get_or_create(email=email)
                # expect: none
                obj.name = obj.name + "!"
                # expect: write customers.id, write customers.created, write customers.email_address, write customers.name
                obj.save()


            def rename(email, name):
                # expect: read customers.email_address, write customers.name, write customers.email_address, write customers.id, write customers.created, read customers.id, read customers.created, read customers.name
                customer, _ = Customer.objects.update_or_create(email=email, defaults={"name": name})
                # expect: write customers.name
                customer.save(update_fields=["name"])
            """)
        .doTest();
  }

  @Test
  void negative_otherPairsAndUnsavedInstancesAreNoAccesses() {
    DjangoOrmTest.shop()
        .source(
            "shop/pairs.py",
            """
            from .models import Customer


            def split(text):
                return text.split(":", 1)


            def parse(text):
                # expect: none
                name, email = split(text)
                # expect: none
                name.save()
                # expect: none
                customer = Customer(name=name)
                # expect: none
                customer.email = email
                return customer
            """)
        .doTest();
  }
}
