package com.acme.crm.customer;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "customers")
public class Customer {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String fullName;

  private String phone;

  private boolean smsOptIn;

  public Long getId() { return id; }

  public String getFullName() { return fullName; }

  public String getPhone() { return phone; }

  public void setPhone(String phone) { this.phone = phone; }

  public boolean isSmsOptIn() { return smsOptIn; }
}
