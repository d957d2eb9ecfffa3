package com.acme.db;

import com.acme.db.tables.ShopOrders;

/** Checked-in output of the jOOQ code generator (trimmed): one constant per table. */
public class Tables {
  public static final ShopOrders SHOP_ORDERS = ShopOrders.SHOP_ORDERS;
}
