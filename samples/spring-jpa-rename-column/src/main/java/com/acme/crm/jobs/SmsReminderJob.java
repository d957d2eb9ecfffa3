package com.acme.crm.jobs;

import com.acme.crm.customer.Customer;
import com.acme.crm.customer.CustomerRepository;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Quartz job, triggered nightly by the scheduler configuration: texts every opted-in customer. */
public class SmsReminderJob implements Job {

  private CustomerRepository customers;
  private SmsGateway sms;

  @Override
  public void execute(JobExecutionContext context) {
    // expect: read customers.id @cron, read customers.full_name @cron, read customers.phone @cron, read customers.sms_opt_in @cron, related rename-column-still-referenced
    for (Customer customer : customers.findBySmsOptInTrue()) {
      sms.send(customer.getPhone(), "Your appointment is tomorrow.");
    }
  }

  interface SmsGateway {
    void send(String phone, String text);
  }
}
