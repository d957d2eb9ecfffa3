package com.acme.reports;

import com.acme.orders.OrderRepository;
import java.time.LocalDate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Nightly: yesterday's orders, by the server's calendar day, to the accounting system. */
@Component
public class AccountingExport {

  private final OrderRepository orders;

  public AccountingExport(OrderRepository orders) {
    this.orders = orders;
  }

  @Scheduled(cron = "0 15 1 * * *")
  public void exportYesterday() {
    LocalDate yesterday = LocalDate.now().minusDays(1);
    orders.placedBetween(yesterday.atStartOfDay(), yesterday.plusDays(1).atStartOfDay()).size();
  }
}
