package org.taskforce.cases.adapter.grpc;

import static org.taskforce.cases.adapter.grpc.CaseMapping.date;
import static org.taskforce.cases.adapter.grpc.CaseMapping.stamp;

import org.taskforce.api.cases.v1.Victim;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.etag.Etags;
import org.taskforce.platform.grpc.ProtoEnums;

/** Between the cases.v1 contract and case-service's domain: victims. */
final class VictimMapping {
  private VictimMapping() {}

  static Victim toProto(org.taskforce.cases.domain.Victim v) {
    Victim.Builder builder =
        Victim.newBuilder()
            .setVictimId(v.id())
            .setCaseId(v.caseId())
            .setDisplayName(v.displayName())
            .setPreferredLanguage(v.preferredLanguage())
            .setMinor(v.minor())
            .addAllServicesEngaged(v.servicesEngaged())
            .setConsentToShare(v.consentToShare())
            .setCreated(stamp(v.created()))
            .setUpdated(stamp(v.updated()))
            .setEtag(Etags.of(v.version()))
            .setIdentification(
                org.taskforce.api.cases.v1.VictimIdentification.valueOf(
                    "VICTIM_IDENTIFICATION_" + v.identification().name()))
            .setCitizenship(
                v.citizenship() == org.taskforce.cases.domain.Citizenship.UNKNOWN
                    ? org.taskforce.api.cases.v1.Citizenship.CITIZENSHIP_UNSPECIFIED
                    : org.taskforce.api.cases.v1.Citizenship.valueOf(
                        "CITIZENSHIP_" + v.citizenship().name()));
    if (v.dateOfBirth() != null) {
      builder.setDateOfBirth(date(v.dateOfBirth()));
    }
    return builder.build();
  }

  /** Unset: potential (left as it is in an update that does not name it). */
  static org.taskforce.cases.domain.VictimIdentification identification(
      org.taskforce.api.cases.v1.VictimIdentification value, Violations v) {
    var known =
        ProtoEnums.optional(
            value,
            "victim.identification",
            v,
            org.taskforce.cases.domain.VictimIdentification.class);
    return known == null ? org.taskforce.cases.domain.VictimIdentification.POTENTIAL : known;
  }

  /** Unset: not known. */
  static org.taskforce.cases.domain.Citizenship citizenship(
      org.taskforce.api.cases.v1.Citizenship value, Violations v) {
    var known =
        ProtoEnums.optional(
            value, "victim.citizenship", v, org.taskforce.cases.domain.Citizenship.class);
    return known == null ? org.taskforce.cases.domain.Citizenship.UNKNOWN : known;
  }
}
