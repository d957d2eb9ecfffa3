package com.acme.tools;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** A one-off export script, already moved to the new columns. */
public final class ExportUsers {

  private ExportUsers() {}

  public static void main(String[] args) throws Exception {
    try (Connection connection = DriverManager.getConnection(args[0])) {
      // expect: read users.id @script, read users.email @script, read users.first_name @script, read users.last_name @script
      PreparedStatement statement = connection.prepareStatement("SELECT id, email, first_name, last_name FROM users ORDER BY id");
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          System.out.println(rows.getString("email"));
        }
      }
    }
  }
}
