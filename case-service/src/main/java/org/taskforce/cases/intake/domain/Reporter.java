package org.taskforce.cases.intake.domain;

/**
 * Who reported a tip and how to reach them: sealed apart from the tip, never logged ({@link
 * #toString()} withholds it).
 */
public record Reporter(String name, String phone, String email, String relationship) {
  public static final Reporter ANONYMOUS = new Reporter("", "", "", "");

  public Reporter {
    name = name == null ? "" : name.strip();
    phone = phone == null ? "" : phone.strip();
    email = email == null ? "" : email.strip();
    relationship = relationship == null ? "" : relationship.strip();
  }

  public boolean anonymous() {
    return name.isEmpty() && phone.isEmpty() && email.isEmpty();
  }

  @Override
  public String toString() {
    return anonymous() ? "Reporter[anonymous]" : "Reporter[sealed]";
  }
}
