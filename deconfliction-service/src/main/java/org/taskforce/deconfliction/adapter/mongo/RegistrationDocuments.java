package org.taskforce.deconfliction.adapter.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.BirthDate;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.PostalAddress;
import org.taskforce.deconfliction.domain.Stamp;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.platform.mongo.StampDocuments;

/**
 * A registration's parts (agency, contact, stamp, address, selectors) ⇄ BSON documents, and the
 * keyset paging of lists; shared by the stores.
 */
final class RegistrationDocuments {
  private RegistrationDocuments() {}

  static Document agency(Agency a) {
    return new Document("id", a.id()).append("name", a.displayName()).append("type", a.type());
  }

  static Agency agency(Document d) {
    return new Agency(d.getString("id"), d.getString("name"), d.getString("type"));
  }

  static Document contact(Contact c) {
    return new Document("name", c.displayName())
        .append("title", c.title())
        .append("phone", c.phone())
        .append("email", c.email());
  }

  static Contact contact(Document d) {
    return d == null
        ? Contact.NONE
        : new Contact(
            d.getString("name"), d.getString("title"), d.getString("phone"), d.getString("email"));
  }

  static Document stamp(Stamp s) {
    return s == null
        ? null
        : StampDocuments.document(s.subject(), s.displayName(), s.agencyId(), s.time());
  }

  static Stamp stamp(Document d) {
    return StampDocuments.read(d, Stamp::new);
  }

  static Date date(Instant i) {
    return i == null ? null : Date.from(i);
  }

  static Instant instant(Date d) {
    return d == null ? null : d.toInstant();
  }

  static Document address(PostalAddress a) {
    return a == null
        ? null
        : new Document("lines", a.addressLines())
            .append("locality", a.locality())
            .append("area", a.administrativeArea())
            .append("postalCode", a.postalCode())
            .append("region", a.regionCode());
  }

  static PostalAddress address(Document d) {
    return d == null
        ? null
        : new PostalAddress(
            d.getList("lines", String.class),
            d.getString("locality"),
            d.getString("area"),
            d.getString("postalCode"),
            d.getString("region"));
  }

  static Document selector(TargetSelector s) {
    Document d = new Document("type", s.type().name());
    switch (s) {
      case TargetSelector.Person p -> {
        d.append("givenNames", p.givenNames())
            .append("surnames", p.surnames())
            .append("aliases", p.aliases());
        BirthDate b = p.dateOfBirth();
        d.append("dob", new Document("y", b.year()).append("m", b.month()).append("d", b.day()));
      }
      case TargetSelector.Phone p ->
          d.append("number", p.number()).append("region", p.defaultRegionCode());
      case TargetSelector.Email e -> d.append("address", e.address());
      case TargetSelector.VehiclePlate p ->
          d.append("plate", p.plate()).append("issuer", p.issuer());
      case TargetSelector.VehicleVin v -> d.append("vin", v.vin());
      case TargetSelector.Address a -> d.append("address", address(a.address()));
      case TargetSelector.SocialHandle h ->
          d.append("platform", h.platform()).append("handle", h.handle());
      case TargetSelector.CryptoWallet w ->
          d.append("chain", w.chain()).append("address", w.address());
      case TargetSelector.Business b ->
          d.append("name", b.name()).append("address", address(b.address()));
    }
    return d;
  }

  static TargetSelector selector(Document d) {
    return switch (d.getString("type")) {
      case "PERSON" -> {
        Document b = d.get("dob", Document.class);
        yield new TargetSelector.Person(
            d.getList("givenNames", String.class),
            d.getList("surnames", String.class),
            d.getList("aliases", String.class),
            new BirthDate(b.getInteger("y"), b.getInteger("m"), b.getInteger("d")));
      }
      case "PHONE" -> new TargetSelector.Phone(d.getString("number"), d.getString("region"));
      case "EMAIL" -> new TargetSelector.Email(d.getString("address"));
      case "VEHICLE_PLATE" ->
          new TargetSelector.VehiclePlate(d.getString("plate"), d.getString("issuer"));
      case "VEHICLE_VIN" -> new TargetSelector.VehicleVin(d.getString("vin"));
      case "ADDRESS" -> new TargetSelector.Address(address(d.get("address", Document.class)));
      case "SOCIAL_HANDLE" ->
          new TargetSelector.SocialHandle(d.getString("platform"), d.getString("handle"));
      case "CRYPTO_WALLET" ->
          new TargetSelector.CryptoWallet(d.getString("chain"), d.getString("address"));
      case "BUSINESS" ->
          new TargetSelector.Business(
              d.getString("name"), address(d.get("address", Document.class)));
      default -> throw new IllegalStateException("unknown selector type " + d.getString("type"));
    };
  }

  static List<Document> selectors(List<TargetSelector> selectors) {
    List<Document> out = new ArrayList<>();
    selectors.forEach(s -> out.add(selector(s)));
    return out;
  }

  /**
   * The filter selecting what sorts after a page's last item, for lists sorted by a time field
   * (descending or ascending) and then {@code _id}: position = [epoch millis, id].
   */
  static Bson after(String timeField, boolean descending, List<String> position) {
    if (position.isEmpty()) {
      return null;
    }
    Date t = new Date(Long.parseLong(position.get(0)));
    String id = position.get(1);
    return Filters.or(
        descending ? Filters.lt(timeField, t) : Filters.gt(timeField, t),
        Filters.and(Filters.eq(timeField, t), Filters.gt("_id", id)));
  }

  /**
   * One page of a list: the first {@code limit} documents the filters match after {@code position},
   * sorted by the time field (descending or ascending) and then {@code _id}, mapped.
   */
  static <T> List<T> page(
      MongoCollection<Document> collection,
      List<Bson> filters,
      String timeField,
      boolean descending,
      List<String> position,
      int limit,
      Function<Document, T> mapper) {
    List<Bson> all = new ArrayList<>(filters);
    Bson after = after(timeField, descending, position);
    if (after != null) {
      all.add(after);
    }
    return collection
        .find(all.isEmpty() ? new Document() : Filters.and(all))
        .sort(
            Sorts.orderBy(
                descending ? Sorts.descending(timeField) : Sorts.ascending(timeField),
                Sorts.ascending("_id")))
        .limit(limit)
        .map(mapper::apply)
        .into(new ArrayList<>());
  }

  /** Adds a filter to {@code field} being one of {@code values}, unless there are none (any). */
  static void addIn(List<Bson> filters, String field, Set<? extends Enum<?>> values) {
    if (!values.isEmpty()) {
      filters.add(Filters.in(field, values.stream().map(Enum::name).toList()));
    }
  }
}
