package org.taskforce.platform.agency;

import org.taskforce.platform.security.AgencyType;

/**
 * One of the task force's agencies as the directory lists it.
 *
 * @param id the id tokens carry in their agency claim, e.g. {@code hsi-abq}
 * @param displayName the name answers, notices and alerts show (the id when none is configured)
 * @param type what kind of agency it is: who may be invited in which role, who may receive tips
 */
public record Agency(String id, String displayName, AgencyType type) {}
