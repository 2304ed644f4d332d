package org.taskforce.cases.domain;

/** Whom to call at a participating agency about this case. */
public record Contact(String displayName, String title, String phone, String email) {
  public static final Contact NONE = new Contact("", "", "", "");
}
