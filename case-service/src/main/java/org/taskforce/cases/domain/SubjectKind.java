package org.taskforce.cases.domain;

/** What a case subject is. */
public enum SubjectKind {
  PERSON,
  PHONE,
  VEHICLE,
  ADDRESS,
  ONLINE_ACCOUNT,
  BUSINESS
}
