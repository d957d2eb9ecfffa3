package com.acme.partners;

import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every hour: imports the customers our partners signed up. */
@Component
public class PartnerFeed {

  private final PartnerCustomerMapper customers;
  private final PartnerClient client;

  public PartnerFeed(PartnerCustomerMapper customers, PartnerClient client) {
    this.customers = customers;
    this.client = client;
  }

  @Scheduled(cron = "0 0 * * * *")
  public void importCustomers() {
    List<Row> rows = client.newCustomers();
    customers.insertAll(rows.stream().filter(r -> r.country() == null).toList());
    for (Row row : rows) {
      if (row.country() != null) {
        customers.insertWithCountry(row.email(), row.country());
      }
    }
  }

  /** One customer of the feed. */
  public record Row(String email, String name, String country) {}

  /** The partners' HTTP API. */
  public interface PartnerClient {
    List<Row> newCustomers();
  }
}
