package com.acme.db.tables;

import com.acme.db.DefaultSchema;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.Schema;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.impl.TableImpl;

/**
 * Checked-in output of the jOOQ code generator (trimmed). The generator was configured with a
 * "shop_" prefix and renamed fields, so only these DSL.name(…) calls say which table and columns
 * the constants stand for.
 */
public class ShopOrders extends TableImpl<Record> {
  public static final ShopOrders SHOP_ORDERS = new ShopOrders();

  public final TableField<Record, Long> ID =
      createField(DSL.name("id"), SQLDataType.BIGINT.nullable(false).identity(true), this, "");
  public final TableField<Record, String> EMAIL =
      createField(DSL.name("customer_email"), SQLDataType.CLOB.nullable(false), this, "");
  public final TableField<Record, BigDecimal> TOTAL =
      createField(DSL.name("total"), SQLDataType.NUMERIC(12, 2).nullable(false), this, "");
  public final TableField<Record, LocalDateTime> PLACED_AT =
      createField(DSL.name("placed_at"), SQLDataType.LOCALDATETIME(6).nullable(false), this, "");

  private ShopOrders(Name alias, Table<Record> aliased) {
    super(alias, null, aliased);
  }

  public ShopOrders(String alias) {
    this(DSL.name(alias), SHOP_ORDERS);
  }

  public ShopOrders() {
    this(DSL.name("orders"), null);
  }

  @Override
  public Schema getSchema() {
    return aliased() ? null : DefaultSchema.PUBLIC;
  }
}
