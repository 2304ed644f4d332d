package org.taskforce.cases.intake.domain;

/** What a person described in a tip is thought to be. */
public enum PersonRole {
  POSSIBLE_VICTIM,
  POSSIBLE_TRAFFICKER,
  BUYER,
  WITNESS;

  /**
   * Whether a person in this role is a target of the investigation, and so checked against target
   * deconfliction and carried into a case as a subject. Possible victims are not (their identity
   * belongs in the victim compartment, never in another agency's deconfliction alert), nor are
   * witnesses (people who saw something, not people anyone investigates).
   */
  public boolean isTarget() {
    return this == POSSIBLE_TRAFFICKER || this == BUYER;
  }
}
