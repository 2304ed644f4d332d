package org.taskforce.cases.reporting.domain;

/** Who a training or outreach session was for (the programme's audience list). */
public enum TrainingAudience {
  LAW_ENFORCEMENT,
  CORRECTIONS,
  SERVICE_PROVIDERS_AND_MEDICAL,
  HOSPITALITY,
  IMMIGRATION_SERVICES,
  CHILD_WELFARE,
  SART_TEAMS,
  FAITH_COMMUNITIES,
  SCHOOLS,
  TRIBAL_COMMUNITIES
}
