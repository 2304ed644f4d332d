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
    ListVictimsResponse.Builder b =
        ListVictimsResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.items().forEach(x -> b.addVictims(VictimMapping.toProto(x)));
    return b.build();
  }

  AddVictimResponse add(AddVictimRequest request) {
    String caseId = requireId("case_id", request.getCaseId());
    if (!request.hasVictim()) {
      throw TaskforceException.invalidArgument("victim", "is required");
    }
    Victim x = request.getVictim();
    Violations v = new Violations();
    Victims.Fields f =
        new Victims.Fields(
            x.getDisplayName(),
            CaseMapping.date(v, "victim.date_of_birth", x.hasDateOfBirth(), x.getDateOfBirth()),
            x.getPreferredLanguage(),
            x.getMinor(),
            x.getServicesEngagedList(),
            x.getConsentToShare(),
            VictimMapping.identification(x.getIdentification(), v),
            VictimMapping.citizenship(x.getCitizenship(), v));
    v.throwIfAny();
    return AddVictimResponse.newBuilder()
        .setVictim(
            VictimMapping.toProto(
                victims.add(caller(), caseId, f, requestId(request.getRequestId()))))
        .build();
  }

  UpdateVictimResponse update(UpdateVictimRequest request) {
    if (!request.hasVictim()) {
      throw TaskforceException.invalidArgument("victim", "is required");
    }
    Victim x = request.getVictim();
    String caseId = requireId("victim.case_id", x.getCaseId());
    String victimId = requireId("victim.victim_id", x.getVictimId());
    Violations v = new Violations();
    Set<String> paths = UpdateMask.required(request.getUpdateMask(), VICTIM_FIELDS, v);
    Victims.Fields f =
        new Victims.Fields(
            paths.contains("display_name") ? x.getDisplayName() : null,
            paths.contains("date_of_birth")
                ? CaseMapping.date(
                    v, "victim.date_of_birth", x.hasDateOfBirth(), x.getDateOfBirth())
                : null,
            paths.contains("preferred_language") ? x.getPreferredLanguage() : null,
            paths.contains("minor") ? x.getMinor() : null,
            paths.contains("services_engaged") ? x.getServicesEngagedList() : null,
            paths.contains("consent_to_share") ? x.getConsentToShare() : null,
            paths.contains("identification")
                ? VictimMapping.identification(x.getIdentification(), v)
                : null,
            paths.contains("citizenship")
                ? VictimMapping.citizenship(x.getCitizenship(), v)
                : null);
    long version = requireEtag("victim.etag", x.getEtag());
    v.throwIfAny();
    return UpdateVictimResponse.newBuilder()
        .setVictim(VictimMapping.toProto(victims.update(caller(), caseId, victimId, version, f)))
        .build();
  }

  GetVictimSummaryResponse summary(GetVictimSummaryRequest request) {
    Victims.Summary s = victims.summary(caller(), requireId("case_id", request.getCaseId()));
    return GetVictimSummaryResponse.newBuilder()
        .setVictimCount(s.victims())
        .setMinorCount(s.minors())
        .setProviderEngaged(s.providerEngaged())
        .build();
  }
}
