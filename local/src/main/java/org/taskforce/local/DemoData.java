package org.taskforce.local;

import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.api.cases.v1.ListSubjectsRequest;

/**
 * A working day of the New Mexico task force, entered through the public API as its people would:
 * two joint cases with participants, tasks, notes and a victim record; targets that collide (a
 * target conflict), operations that collide (an event conflict), a near-namesake for the watch
 * officer's review queue, and notifications waiting in the agencies' inboxes. Request ids make a
 * second load a no-op.
 *
 * <p>The cases are in {@link DemoCases}, the registrations in {@link DemoRegistrations}, the tips
 * in {@link DemoTips}.
 */
public final class DemoData {
  /** Every demo user's password: the development realm only. */
  public static final String PASSWORD = "Taskforce-Demo-2026!";

  /** Keycloak's admin console on the local stack: development only. */
  public static final String ADMIN_CONSOLE_PASSWORD = "admin-dev-only";

  public static final String JOINT_CASE_TITLE = "Operation Desert Lantern";
  public static final String SHARED_PHONE = "+15055550142";

  private final String issuer;
  private final String gateway;

  public DemoData(String issuer, String gateway) {
    this.issuer = issuer;
    this.gateway = gateway;
  }

  /** What the load left behind. */
  public record Summary(String jointCaseId, String jointCaseNumber, int subjects, int tips) {
    @Override
    public String toString() {
      return "joint case "
          + jointCaseNumber
          + " with "
          + subjects
          + " subjects, a target conflict, an event conflict, a possible match for review, "
          + tips
          + " tips";
    }
  }

  public Summary load() {
    try (Client api = new Client(issuer, gateway)) {
      String ago = api.userToken("ago.investigator");
      String hsi = api.userToken("hsi.investigator");
      String usao = api.userToken("usao.investigator");
      String apd = api.userToken("apd.investigator");
      String fbi = api.userToken("fbi.investigator");
      String bcso = api.userToken("bcso.investigator");
      String nnpd = api.userToken("nnpd.investigator");
      String advocate = api.userToken("crisis.advocate");

      DemoRegistrations.apdTarget(api, apd);
      Case lantern = DemoCases.jointCase(api, ago, hsi, usao, advocate);
      DemoRegistrations.namesake(api, nnpd);
      DemoRegistrations.collidingOperations(api, fbi, bcso);
      DemoCases.chollaCase(api, apd, bcso);

      Case loaded =
          api.cases(ago)
              .getCase(GetCaseRequest.newBuilder().setCaseId(lantern.getCaseId()).build())
              .getCase();
      int subjects =
          api.cases(ago)
              .listSubjects(ListSubjectsRequest.newBuilder().setCaseId(loaded.getCaseId()).build())
              .getSubjectsCount();
      int tips = new DemoTips(api).load();
      return new Summary(loaded.getCaseId(), loaded.getCaseNumber(), subjects, tips);
    }
  }
}
