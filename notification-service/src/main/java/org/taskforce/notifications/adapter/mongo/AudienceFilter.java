package org.taskforce.notifications.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.conversions.Bson;

/**
 * The query form of {@code Recipient.includes}: the notifications of an agency a caller may see —
 * all of them for the agency's partner systems, else those addressed to the whole agency, to this
 * user, or to one of the caller's roles.
 */
final class AudienceFilter {
  private AudienceFilter() {}

  /** The conditions, to be combined with the query's own ({@code and}). */
  static List<Bson> of(String agencyId, String subject, Set<String> roles, boolean agencySystem) {
    List<Bson> filters = new ArrayList<>();
    filters.add(eq("recipient.agencyId", agencyId));
    if (!agencySystem) {
      filters.add(in("recipient.user", "", subject));
      List<String> anyRole = new ArrayList<>(roles);
      anyRole.add("");
      filters.add(in("recipient.role", anyRole));
    }
    return filters;
  }
}
