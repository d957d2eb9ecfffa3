package com.acme.orders;

import static com.acme.db.Tables.SHOP_ORDERS;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Orders through jOOQ; placed_at travels as a LocalDateTime in the server's zone. */
@Repository
public class OrderRepository {

  private final DSLContext dsl;

  public OrderRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Checkout: the order is placed now, in wall-clock time. */
  public long place(String email, BigDecimal total) {
    // expect: write orders.customer_email @http, write orders.total @http, write orders.placed_at @http, read orders.id @http
    return dsl.insertInto(SHOP_ORDERS, SHOP_ORDERS.EMAIL, SHOP_ORDERS.TOTAL, SHOP_ORDERS.PLACED_AT)
        .values(email, total, LocalDateTime.now())
        .returning(SHOP_ORDERS.ID)
        .fetchOne()
        .get(SHOP_ORDERS.ID);
  }

  /** The order page: never looks at placed_at. */
  public Record summary(long id) {
    // expect: read orders.id @http, read orders.total @http, read orders.customer_email @http
    return dsl.select(SHOP_ORDERS.ID, SHOP_ORDERS.TOTAL, SHOP_ORDERS.EMAIL)
        .from(SHOP_ORDERS)
        .where(SHOP_ORDERS.ID.eq(id))
        .fetchOne();
  }

  /** A refund lowers the total; placed_at is left alone. */
  public void refund(long id, BigDecimal amount) {
    // expect: write orders.total @http, read orders.total @http, read orders.id @http
    dsl.update(SHOP_ORDERS)
        .set(SHOP_ORDERS.TOTAL, SHOP_ORDERS.TOTAL.minus(amount))
        .where(SHOP_ORDERS.ID.eq(id))
        .execute();
  }

  /** Yesterday's orders for the accounting export, whole rows. */
  public List<Record> placedBetween(LocalDateTime from, LocalDateTime to) {
    var o = SHOP_ORDERS.as("o");
    // expect: read orders.id @cron, read orders.customer_email @cron, read orders.total @cron, read orders.placed_at @cron
    return dsl.selectFrom(o)
        .where(o.PLACED_AT.between(from, to))
        .orderBy(o.PLACED_AT)
        .fetch()
        .stream()
        .map(Record.class::cast)
        .toList();
  }
}
