package org.taskforce.cases.intake.adapter.mongo;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.taskforce.cases.adapter.mongo.CaseDocuments;
import org.taskforce.cases.adapter.mongo.KeysetPages;
import org.taskforce.cases.adapter.mongo.OutboxRegistrationQueue;
import org.taskforce.cases.intake.domain.CloseReason;
import org.taskforce.cases.intake.domain.ConversionClaim;
import org.taskforce.cases.intake.domain.IdentifierType;
import org.taskforce.cases.intake.domain.Indicator;
import org.taskforce.cases.intake.domain.Industry;
import org.taskforce.cases.intake.domain.PersonRole;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.cases.intake.domain.TipHit;
import org.taskforce.cases.intake.domain.TipIdentifier;
import org.taskforce.cases.intake.domain.TipLocation;
import org.taskforce.cases.intake.domain.TipPerson;
import org.taskforce.cases.intake.domain.TipReport;
import org.taskforce.cases.intake.domain.TipSource;
import org.taskforce.cases.intake.domain.TipStatus;
import org.taskforce.cases.intake.domain.TipTriage;
import org.taskforce.cases.intake.domain.TraffickingKind;

/**
 * A tip as a document of the {@code tips} collection. {@code agencies} lists who may see it and
 * {@code keys} its relation keys (both for queries); the reporter is in another collection.
 */
final class TipDocuments {
  private TipDocuments() {}

  static Document toDocument(Tip t) {
    TipReport r = t.report();
    TipTriage g = t.triage();
    return new Document("_id", t.id())
        .append("source", r.source().name())
        .append("sourceReference", r.sourceReference())
        .append("received", Date.from(r.received()))
        .append("narrative", r.narrative())
        .append(
            "location",
            new Document("address", r.location().address())
                .append("city", r.location().city())
                .append("state", r.location().state())
                .append("buildingType", r.location().buildingType()))
        .append("frequency", r.frequency())
        .append("persons", r.persons().stream().map(TipDocuments::person).toList())
        .append("identifiers", r.identifiers().stream().map(TipDocuments::identifier).toList())
        .append("kind", r.kind().name())
        .append("industries", r.industries().stream().map(Enum::name).sorted().toList())
        .append("indicators", r.indicators().stream().map(Enum::name).sorted().toList())
        .append("incidentType", r.incidentType())
        .append("urgent", t.urgent())
        .append("receivingAgencyId", t.receivingAgencyId())
        .append("anonymous", t.anonymous())
        .append("status", g.status().name())
        .append("assignedAgencyId", g.assignedAgencyId())
        .append("assignedOfficer", g.assignedOfficer())
        .append("referredAgencyId", g.referredAgencyId())
        .append("caseId", g.caseId())
        .append("closeReason", g.closeReason() == null ? null : g.closeReason().name())
        .append("note", g.note())
        .append("duplicateOf", g.duplicateOf())
        .append("decided", CaseDocuments.stamp(g.decided()))
        .append("subjectsCarried", g.subjectsCarried())
        .append("victimsMoved", g.victimsMoved())
        .append("conversionKey", g.conversionKey())
        .append("claim", claim(g.claim()))
        .append("checked", t.checked())
        .append("hits", t.hits().stream().map(TipDocuments::hit).toList())
        .append("mergedTipIds", t.mergedTipIds())
        .append("created", CaseDocuments.stamp(t.created()))
        .append("updated", CaseDocuments.stamp(t.updated()))
        .append(KeysetPages.SORT_TIME, Date.from(t.created().time()))
        .append("version", t.version())
        .append("agencies", List.copyOf(t.agencies()))
        .append("keys", List.copyOf(t.relationKeys()));
  }

  static Tip fromDocument(Document d) {
    Document loc = d.get("location", Document.class);
    TipReport report =
        new TipReport(
            TipSource.valueOf(d.getString("source")),
            d.getString("sourceReference"),
            d.getDate("received").toInstant(),
            d.getString("narrative"),
            new TipLocation(
                loc.getString("address"),
                loc.getString("city"),
                loc.getString("state"),
                loc.getString("buildingType")),
            d.getString("frequency"),
            d.getList("persons", Document.class).stream().map(TipDocuments::person).toList(),
            d.getList("identifiers", Document.class).stream()
                .map(TipDocuments::identifier)
                .toList(),
            TraffickingKind.valueOf(d.getString("kind")),
            names(d, "industries", Industry.class),
            names(d, "indicators", Indicator.class),
            d.getString("incidentType"));
    String close = d.getString("closeReason");
    TipTriage triage =
        new TipTriage(
            TipStatus.valueOf(d.getString("status")),
            d.getString("assignedAgencyId"),
            d.getString("assignedOfficer"),
            d.getString("referredAgencyId"),
            d.getString("caseId"),
            close == null ? null : CloseReason.valueOf(close),
            d.getString("note"),
            d.getString("duplicateOf"),
            CaseDocuments.stamp(d.get("decided", Document.class)),
            // Tips converted before the counts were kept read as 0.
            d.getInteger("subjectsCarried", 0),
            d.getInteger("victimsMoved", 0),
            d.getString("conversionKey"),
            claim(d.get("claim", Document.class)));
    return new Tip(
        d.getString("_id"),
        report,
        d.getString("receivingAgencyId"),
        d.getBoolean("anonymous", false),
        triage,
        d.getBoolean("checked", false),
        d.getList("hits", Document.class).stream().map(TipDocuments::hit).toList(),
        d.getList("mergedTipIds", String.class),
        CaseDocuments.stamp(d.get("created", Document.class)),
        CaseDocuments.stamp(d.get("updated", Document.class)),
        d.get("version", Number.class).longValue());
  }

  /** A conversion under way, with the person it acts for (as a queued registration keeps one). */
  private static Document claim(ConversionClaim c) {
    if (c == null) {
      return null;
    }
    return new Document("key", c.key())
        .append("caseId", c.caseId())
        .append("title", c.title())
        .append("contact", CaseDocuments.contact(c.contact()))
        .append("converter", OutboxRegistrationQueue.actorDocument(c.converter()))
        .append("claimed", Date.from(c.claimed()));
  }

  private static ConversionClaim claim(Document d) {
    if (d == null) {
      return null;
    }
    return new ConversionClaim(
        d.getString("key"),
        d.getString("caseId"),
        d.getString("title"),
        CaseDocuments.contact(d.get("contact", Document.class)),
        OutboxRegistrationQueue.actor(d.get("converter", Document.class)),
        d.getDate("claimed").toInstant());
  }

  private static <E extends Enum<E>> Set<E> names(Document d, String field, Class<E> type) {
    Set<E> set = new LinkedHashSet<>();
    d.getList(field, String.class).forEach(n -> set.add(Enum.valueOf(type, n)));
    return set;
  }

  private static Document person(TipPerson p) {
    return new Document("name", p.name())
        .append("description", p.description())
        .append("age", p.approximateAge())
        .append("role", p.role().name());
  }

  private static TipPerson person(Document d) {
    return new TipPerson(
        d.getString("name"),
        d.getString("description"),
        d.getInteger("age", 0),
        PersonRole.valueOf(d.getString("role")));
  }

  private static Document identifier(TipIdentifier i) {
    return new Document("type", i.type().name())
        .append("value", i.value())
        .append("qualifier", i.qualifier());
  }

  private static TipIdentifier identifier(Document d) {
    return new TipIdentifier(
        IdentifierType.valueOf(d.getString("type")),
        d.getString("value"),
        d.getString("qualifier"));
  }

  private static Document hit(TipHit h) {
    return new Document("tier", h.tier())
        .append("score", h.score())
        .append("reasons", h.reasons())
        .append("types", h.matchedSelectorTypes())
        .append("ownerAgencyId", h.ownerAgencyId())
        .append("ownerAgencyName", h.ownerAgencyName())
        .append("ownerContact", CaseDocuments.contact(h.ownerContact()));
  }

  private static TipHit hit(Document d) {
    return new TipHit(
        d.getString("tier"),
        d.get("score", Number.class).doubleValue(),
        new ArrayList<>(d.getList("reasons", String.class)),
        new ArrayList<>(d.getList("types", String.class)),
        d.getString("ownerAgencyId"),
        d.getString("ownerAgencyName"),
        CaseDocuments.contact(d.get("ownerContact", Document.class)));
  }
}
