package org.taskforce.cases.adapter.grpc;

import static org.taskforce.cases.adapter.grpc.RequestFields.pageToken;
import static org.taskforce.cases.adapter.grpc.RequestFields.requestId;
import static org.taskforce.platform.grpc.RpcFields.caller;
import static org.taskforce.platform.grpc.RpcFields.requireEtag;
import static org.taskforce.platform.grpc.RpcFields.requireId;

import java.util.List;
import java.util.Set;
import org.taskforce.api.cases.v1.AddVictimRequest;
import org.taskforce.api.cases.v1.AddVictimResponse;
import org.taskforce.api.cases.v1.GetVictimSummaryRequest;
import org.taskforce.api.cases.v1.GetVictimSummaryResponse;
import org.taskforce.api.cases.v1.ListVictimsRequest;
import org.taskforce.api.cases.v1.ListVictimsResponse;
import org.taskforce.api.cases.v1.UpdateVictimRequest;
import org.taskforce.api.cases.v1.UpdateVictimResponse;
import org.taskforce.api.cases.v1.Victim;
import org.taskforce.cases.application.Victims;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.UpdateMask;

/** A case's victims: ListVictims, AddVictim, UpdateVictim, GetVictimSummary. */
public final class VictimRpcs {
  static final List<String> VICTIM_FIELDS =
      List.of(
          "display_name",
          "date_of_birth",
          "preferred_language",
          "minor",
          "services_engaged",
          "consent_to_share",
          "identification",
          "citizenship");

  private final Victims victims;

  public VictimRpcs(Victims victims) {
    this.victims = victims;
  }

  ListVictimsResponse list(ListVictimsRequest request) {
    var page =
        victims.list(
            caller(),
            requireId("case_id", request.getCaseId()),
            request.getPageSize(),
            pageToken(request.getPageToken()));
    ListVictimsResponse.Builder response =
        ListVictimsResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.items().forEach(victim -> response.addVictims(VictimMapping.toProto(victim)));
    return response.build();
  }

  AddVictimResponse add(AddVictimRequest request) {
    String caseId = requireId("case_id", request.getCaseId());
    if (!request.hasVictim()) {
      throw TaskforceException.invalidArgument("victim", "is required");
    }
    Victim asked = request.getVictim();
    Violations violations = new Violations();
    Victims.Fields fields =
        new Victims.Fields(
            asked.getDisplayName(),
            CaseMapping.date(
                violations, "victim.date_of_birth", asked.hasDateOfBirth(), asked.getDateOfBirth()),
            asked.getPreferredLanguage(),
            asked.getMinor(),
            asked.getServicesEngagedList(),
            asked.getConsentToShare(),
            VictimMapping.identification(asked.getIdentification(), violations),
            VictimMapping.citizenship(asked.getCitizenship(), violations));
    violations.throwIfAny();
    return AddVictimResponse.newBuilder()
        .setVictim(
            VictimMapping.toProto(
                victims.add(caller(), caseId, fields, requestId(request.getRequestId()))))
        .build();
  }

  UpdateVictimResponse update(UpdateVictimRequest request) {
    if (!request.hasVictim()) {
      throw TaskforceException.invalidArgument("victim", "is required");
    }
    Victim asked = request.getVictim();
    String caseId = requireId("victim.case_id", asked.getCaseId());
    String victimId = requireId("victim.victim_id", asked.getVictimId());
    Violations violations = new Violations();
    Set<String> paths = UpdateMask.required(request.getUpdateMask(), VICTIM_FIELDS, violations);
    Victims.Fields fields =
        new Victims.Fields(
            paths.contains("display_name") ? asked.getDisplayName() : null,
            paths.contains("date_of_birth")
                ? CaseMapping.date(
                    violations,
                    "victim.date_of_birth",
                    asked.hasDateOfBirth(),
                    asked.getDateOfBirth())
                : null,
            paths.contains("preferred_language") ? asked.getPreferredLanguage() : null,
            paths.contains("minor") ? asked.getMinor() : null,
            paths.contains("services_engaged") ? asked.getServicesEngagedList() : null,
            paths.contains("consent_to_share") ? asked.getConsentToShare() : null,
            paths.contains("identification")
                ? VictimMapping.identification(asked.getIdentification(), violations)
                : null,
            paths.contains("citizenship")
                ? VictimMapping.citizenship(asked.getCitizenship(), violations)
                : null);
    long version = requireEtag("victim.etag", asked.getEtag());
    violations.throwIfAny();
    return UpdateVictimResponse.newBuilder()
        .setVictim(
            VictimMapping.toProto(victims.update(caller(), caseId, victimId, version, fields)))
        .build();
  }

  GetVictimSummaryResponse summary(GetVictimSummaryRequest request) {
    Victims.Summary summary = victims.summary(caller(), requireId("case_id", request.getCaseId()));
    return GetVictimSummaryResponse.newBuilder()
        .setVictimCount(summary.victims())
        .setMinorCount(summary.minors())
        .setProviderEngaged(summary.providerEngaged())
        .build();
  }
}
