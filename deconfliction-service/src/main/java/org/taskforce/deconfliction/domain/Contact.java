package org.taskforce.deconfliction.domain;

/** Whom to call about a registration; revealed only as far as its disclosure level allows. */
public record Contact(String displayName, String title, String phone, String email) {
  public static final Contact NONE = new Contact("", "", "", "");
}
