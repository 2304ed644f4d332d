package org.taskforce.deconfliction.reporting.adapter.mongo;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.taskforce.platform.mongo.RecordTallies;
import org.taskforce.platform.mongo.RecordTallies.Counting;
import org.taskforce.platform.mongo.RecordTallies.Put;

/**
 * How conflicts and operations (event registrations) count for the report as they are written
 * ({@link RecordTallies}): one bucket per series and day, in the report's zone, of the time that
 * puts a record in a period (a conflict's {@code createTime}, an operation's {@code created.time});
 * keys {@code <scope>|<what>|<value>}, the scope {@code *} for the task force and {@code @<agency>}
 * for each agency whose share counts the record (a conflict's {@code readers}, an operation's
 * agency).
 *
 * <ul>
 *   <li>conflict (member: its id): {@code kind|<kind>}, {@code escalated|<kind>} when escalated,
 *       {@code open|<kind>} while NEW or ACKNOWLEDGED;
 *   <li>conflict side (series {@code report.conflicts.ack}, member: {@code <id>#side<i>}): {@code
 *       ack|<seconds>} from the conflict being found to the side's acknowledgement, under {@code *}
 *       and under the side's own agency when it reads the conflict — an exact histogram, to the
 *       second (the durations' own resolution);
 *   <li>operation (member: its id): {@code type|<type>}; in series {@code report.events.lead}
 *       {@code lead|<seconds>} from registration to start.
 * </ul>
 *
 * These are the same conditions as the pipelines over the records ({@code MongoReportStore}), which
 * a rebuild and the tests compare against.
 */
public final class ReportCountings {
  private ReportCountings() {}

  static final String CONFLICTS = "report.conflicts";
  static final String ACKS = "report.conflicts.ack";
  static final String EVENTS = "report.events";
  static final String LEADS = "report.events.lead";
  static final String KIND = "kind";
  static final String ESCALATED = "escalated";
  static final String OPEN = "open";
  static final String ACK = "ack";
  static final String TYPE = "type";
  static final String LEAD = "lead";

  /** Changing a key above changes this: the counts are then rebuilt at the next start. */
  public static String schema(ZoneId zone) {
    return "deconfliction-report-2|" + zone.getId();
  }

  public static List<Counting> all(ZoneId zone) {
    return List.of(new Conflicts(zone), new Events(zone));
  }

  /** The scope of a share: the task force's (null) or an agency's. */
  static String scope(String agency) {
    return agency == null ? "*" : "@" + agency;
  }

  static String key(String scope, String what, Object value) {
    return scope + "|" + what + "|" + value;
  }

  /**
   * Creation time (ms) and version: a later state, or a later conflict under the same id, is
   * higher.
   */
  static long version(Date created, Document d) {
    Number v = d.get("version", Number.class);
    return created.getTime() * 1_000_000L + Math.min(999_999L, v == null ? 0 : v.longValue());
  }

  static Object at(Document d, String path) {
    Object v = d;
    for (String part : path.split("\\.")) {
      v = v instanceof Document doc ? doc.get(part) : null;
    }
    return v;
  }

  private static long seconds(Date from, Date to) {
    return Math.max(0, (to.getTime() - from.getTime()) / 1000);
  }

  private record Conflicts(ZoneId zone) implements Counting {
    @Override
    public String family() {
      return "conflicts";
    }

    @Override
    public String collection() {
      return "conflicts";
    }

    @Override
    public List<String> series() {
      return List.of(CONFLICTS, ACKS);
    }

    @Override
    public long version(Document d) {
      Date created = d.getDate("createTime");
      return created == null ? 0 : ReportCountings.version(created, d);
    }

    @Override
    public List<Put> puts(Document d) {
      Date created = d.getDate("createTime");
      if (created == null) {
        return List.of(); // in no period (nor does a pipeline over the records count it)
      }
      String slot = created.toInstant().atZone(zone).toLocalDate().toString();
      String id = d.get("_id").toString();
      List<String> readers = d.getList("readers", String.class, List.of());
      List<String> scopes = new ArrayList<>(List.of("*"));
      readers.forEach(r -> scopes.add(scope(r)));
      String kind = d.getString("kind");
      String status = d.getString("status");
      List<String> keys = new ArrayList<>();
      for (String s : scopes) {
        keys.add(key(s, KIND, kind));
        if (Boolean.TRUE.equals(d.getBoolean("escalated"))) {
          keys.add(key(s, ESCALATED, kind));
        }
        if ("NEW".equals(status) || "ACKNOWLEDGED".equals(status)) {
          keys.add(key(s, OPEN, kind));
        }
      }
      List<Put> out = new ArrayList<>();
      out.add(new Put(CONFLICTS, slot, id, keys));
      List<Document> sides = d.getList("sides", Document.class, List.of());
      for (int i = 0; i < sides.size(); i++) {
        Document side = sides.get(i);
        List<String> ack = new ArrayList<>();
        if (at(side, "acknowledged.time") instanceof Date t) {
          long sec = seconds(created, t);
          ack.add(key("*", ACK, sec));
          if (at(side, "agency.id") instanceof String agency && readers.contains(agency)) {
            ack.add(key(scope(agency), ACK, sec));
          }
        }
        out.add(new Put(ACKS, slot, id + "#side" + i, ack));
      }
      return out;
    }
  }

  private record Events(ZoneId zone) implements Counting {
    @Override
    public String family() {
      return "events";
    }

    @Override
    public String collection() {
      return "events";
    }

    @Override
    public List<String> series() {
      return List.of(EVENTS, LEADS);
    }

    @Override
    public long version(Document d) {
      return at(d, "created.time") instanceof Date created
          ? ReportCountings.version(created, d)
          : 0;
    }

    @Override
    public List<Put> puts(Document d) {
      if (!(at(d, "created.time") instanceof Date created)) {
        return List.of();
      }
      String slot = created.toInstant().atZone(zone).toLocalDate().toString();
      Object agency = at(d, "agency.id");
      List<String> scopes = agency == null ? List.of("*") : List.of("*", scope(agency.toString()));
      List<String> types = new ArrayList<>();
      List<String> leads = new ArrayList<>();
      for (String s : scopes) {
        types.add(key(s, TYPE, d.getString("type")));
        if (d.getDate("start") instanceof Date start) {
          leads.add(key(s, LEAD, seconds(created, start)));
        }
      }
      String id = d.get("_id").toString();
      return List.of(new Put(EVENTS, slot, id, types), new Put(LEADS, slot, id, leads));
    }
  }
}
