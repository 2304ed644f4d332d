package org.taskforce.platform.security;

/** Realm roles of the Keycloak realm {@code taskforce} (DESIGN.md section 3). */
public final class Roles {
  public static final String INVESTIGATOR = "investigator";
  public static final String COMMANDER = "commander";

  /**
   * The task-force-wide read view of every joint case, held by the lead agency's task-force
   * commander; an agency's {@link #COMMANDER} sees only the cases its agency is on.
   */
  public static final String TASKFORCE_COMMANDER = "taskforce-commander";

  /**
   * Reads the task force's performance reports (with the lead agency only); no case or victim
   * record opens to it beyond its agency's normal rights.
   */
  public static final String GRANT_MANAGER = "grant-manager";

  /** Brokers conflicts for the whole task force. */
  public static final String WATCH_OFFICER = "watch-officer";

  public static final String VICTIM_ADVOCATE = "victim-advocate";

  /** Client-credentials clients of partner systems. */
  public static final String PARTNER_SYSTEM = "partner-system";

  public static final String ADMIN = "admin";

  /** Triages the tips its agency receives; the only role that may read a tip's reporter. */
  public static final String INTAKE_COORDINATOR = "intake-coordinator";

  /**
   * Service accounts of Taskforce's own services (client credentials), for calls no user makes,
   * such as an outbox relay publishing notifications.
   */
  public static final String SERVICE = "service";

  private Roles() {}
}
