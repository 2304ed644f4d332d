package org.taskforce.cases.intake.domain;

import java.time.Instant;
import org.taskforce.cases.domain.Contact;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * What a tip in {@link TipStatus#CONVERTING} carries so that the conversion can be finished by
 * whoever comes next (its own retry, or the sweep after a crash) exactly as it was asked: the
 * request's key, the id of the case it opens, its title and point of contact, and the person who
 * asked (the case is theirs and opened in their name). Dropped once the tip is CONVERTED: the tip
 * keeps no copy of the request.
 */
public record ConversionClaim(
    String key,
    String caseId,
    String title,
    Contact contact,
    AgencyPrincipal converter,
    Instant claimed) {}
