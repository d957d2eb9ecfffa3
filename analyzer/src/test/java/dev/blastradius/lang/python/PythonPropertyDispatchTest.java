package dev.blastradius.lang.python;

import dev.blastradius.testing.ExtractorTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A {@code @property} is read as what it returns, so a call on it ({@code self.transport.notify()}
 * with {@code def transport(self) -> Transport}) is a call on the returned type, which reaches the
 * overrides of its subclasses.
 */
class PythonPropertyDispatchTest {

  @Test
  void positive_callOnAPropertyReachesSubclassOverrides() {
    ExtractorTestHelper.create()
        .migration(
            "V1__t.sql",
            """
            -- expect: ddl t.base, ddl t.webhook, ddl t.unrelated
            CREATE TABLE t (base int, webhook int, unrelated int);
            """)
        .source("shop/__init__.py", "")
        .source(
            "shop/transports.py",
            """
            from django.db import connection


            class Transport:
                def notify(self, message):
                    # expect: read t.base @script
                    connection.cursor().execute("SELECT base FROM t")


            class Webhook(Transport):
                def notify(self, message):
                    # expect: read t.webhook @script
                    connection.cursor().execute("SELECT webhook FROM t")


            class Unrelated:
                def notify(self, message):
                    # expect: read t.unrelated @none
                    connection.cursor().execute("SELECT unrelated FROM t")
            """)
        .source(
            "shop/channels.py",
            """
            from shop.transports import Transport, Webhook


            class Channel:
                @property
                def transport(self) -> Transport:
                    return Webhook()

                def send(self, message):
                    self.transport.notify(message)
            """)
        .source(
            "shop/management/commands/sendalerts.py",
            """
            from django.core.management.base import BaseCommand
            from shop.channels import Channel


            class Command(BaseCommand):
                def handle(self, *args, **options):
                    Channel().send("down")
            """)
        .doTest();
  }
}
