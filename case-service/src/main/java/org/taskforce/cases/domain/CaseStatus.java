package org.taskforce.cases.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands. The main path is OPEN → ACTIVE → REFERRED_FOR_PROSECUTION → CLOSED; a case
 * may also close without a referral, and a referral the prosecutor declines returns the case to
 * ACTIVE. A closed case stays closed (a new case is opened instead, so the record stays honest).
 */
public enum CaseStatus {
  OPEN,
  ACTIVE,
  REFERRED_FOR_PROSECUTION,
  CLOSED;

  public Set<CaseStatus> next() {
    return switch (this) {
      case OPEN -> EnumSet.of(ACTIVE, CLOSED);
      case ACTIVE -> EnumSet.of(REFERRED_FOR_PROSECUTION, CLOSED);
      case REFERRED_FOR_PROSECUTION -> EnumSet.of(ACTIVE, CLOSED);
      case CLOSED -> EnumSet.noneOf(CaseStatus.class);
    };
  }

  public boolean canMoveTo(CaseStatus target) {
    return next().contains(target);
  }
}
