package org.taskforce.cases.intake.domain;

/**
 * The force / fraud / coercion indicators and the public indicators the task force trains on. A
 * minor in commercial sex or someone in imminent danger makes a tip urgent.
 */
public enum Indicator {
  KIDNAPPING,
  BATTERING,
  CONFINEMENT,
  WEAPON_THREATS,
  SEXUAL_ABUSE,
  FORCED_DRUG_USE,
  DENIAL_OF_MEDICAL_CARE,
  FALSE_PROMISE_IMMIGRATION,
  FALSE_PROMISE_JOB_OR_PAY,
  ROMANCE,
  DEBT_BONDAGE,
  IDENTITY_DOCUMENTS_HELD,
  THREATS_TO_FAMILY,
  CONTROLLED_COMMUNICATION,
  CONTROLLED_MONEY,
  LIVES_WITH_EMPLOYER,
  CRAMPED_LIVING,
  CANNOT_SPEAK_ALONE,
  SCRIPTED_ANSWERS,
  SIGNS_OF_ABUSE,
  UNPAID_OR_BARELY_PAID,
  MINOR_IN_COMMERCIAL_SEX,
  IMMINENT_DANGER;

  public boolean urgent() {
    return this == MINOR_IN_COMMERCIAL_SEX || this == IMMINENT_DANGER;
  }
}
