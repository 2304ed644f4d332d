package org.taskforce.cases.intake.adapter.deconfliction;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingRequest;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingResponse;
import org.taskforce.api.deconfliction.v1.ConflictHit;
import org.taskforce.api.deconfliction.v1.DeconflictionServiceGrpc;
import org.taskforce.cases.adapter.deconfliction.GrpcTargetRegistry;
import org.taskforce.cases.domain.Contact;
import org.taskforce.cases.intake.application.TipDeconfliction;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.cases.intake.domain.TipHit;
import org.taskforce.platform.agency.Agency;
import org.taskforce.platform.agency.AgencyDirectory;
import org.taskforce.platform.error.FieldViolation;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.Roles;

/**
 * CheckBeforeActing for a tip, made by case-service on behalf of the receiving agency's intake desk
 * (its own token naming the desk as a partner system of that agency): whoever entered the tip — a
 * hotline's victim advocate, who may not check targets — the check is the receiving agency's, and
 * owners of matching registrations learn that agency searched their subject. Nothing is registered.
 */
public final class GrpcTipDeconfliction implements TipDeconfliction {
  private static final JsonFormat.Printer JSON =
      JsonFormat.printer().omittingInsignificantWhitespace();

  private final Channel channel;
  private final Duration deadline;
  private final AgencyDirectory agencies;

  public GrpcTipDeconfliction(Channel channel, Duration deadline, AgencyDirectory agencies) {
    this.channel = channel;
    this.deadline = deadline;
    this.agencies = agencies;
  }

  @Override
  public List<TipHit> check(Tip tip) {
    List<TipSelectors.Named> named = TipSelectors.of(tip);
    if (named.isEmpty()) {
      return List.of();
    }
    CheckBeforeActingRequest.Builder request =
        CheckBeforeActingRequest.newBuilder().setPurpose("tip intake " + tip.id());
    named.forEach(n -> request.addSelectors(n.selector()));
    CheckBeforeActingResponse response;
    try {
      response =
          CallerContext.onBehalfOf(desk(tip.receivingAgencyId()), "tip-check-" + tip.id())
              .call(() ->
                  DeconflictionServiceGrpc.newBlockingStub(channel)
                      .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                      .checkBeforeActing(request.build()));
    } catch (StatusRuntimeException e) {
      throw translate(e, named);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    List<TipHit> hits = new ArrayList<>();
    for (ConflictHit h : response.getHitsList()) {
      hits.add(
          new TipHit(
              h.getTier().name().replace("MATCH_TIER_", ""),
              h.getScore(),
              h.getReasonsList(),
              h.getMatchedSelectorTypesList().stream()
                  .map(t -> t.name().replace("SELECTOR_TYPE_", ""))
                  .toList(),
              h.getOwnerAgency().getAgencyId(),
              h.getOwnerAgency().getDisplayName(),
              new Contact(
                  h.getOwnerContact().getDisplayName(),
                  h.getOwnerContact().getTitle(),
                  h.getOwnerContact().getPhone(),
                  h.getOwnerContact().getEmail())));
    }
    return hits;
  }

  @Override
  public List<Carried> carried(Tip tip) {
    List<Carried> carried = new ArrayList<>();
    for (TipSelectors.Named n : TipSelectors.of(tip)) {
      try {
        carried.add(new Carried(n.kind(), n.displayName(), JSON.print(n.selector())));
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("a Selector always prints as JSON", e);
      }
    }
    return carried;
  }

  /** The receiving agency's intake desk: a system of that agency, as deconfliction sees it. */
  private AgencyPrincipal desk(String agencyId) {
    Agency a =
        agencies
            .find(agencyId)
            .orElseThrow(() -> new IllegalStateException("unknown receiving agency " + agencyId));
    return new AgencyPrincipal(
        "intake-desk:" + agencyId,
        "Intake desk, " + a.displayName(),
        "case-service",
        AgencyPrincipal.Kind.CLIENT,
        agencyId,
        a.type(),
        Set.of(Roles.PARTNER_SYSTEM));
  }

  private static RuntimeException translate(
      StatusRuntimeException e, List<TipSelectors.Named> named) {
    Status.Code code = e.getStatus().getCode();
    if (code == Status.Code.INVALID_ARGUMENT) {
      List<FieldViolation> violations =
          GrpcTargetRegistry.fieldViolations(e, asked -> field(asked, named));
      if (!violations.isEmpty()) {
        return TaskforceException.invalidArgument(violations);
      }
    }
    return new Unavailable("deconfliction-service did not check the tip: " + e.getStatus(), e);
  }

  /** "selectors[2].phone.number" → the tip field the third selector came from. */
  static String field(String deconflictionField, List<TipSelectors.Named> named) {
    var m = java.util.regex.Pattern.compile("^selectors\\[(\\d+)]").matcher(deconflictionField);
    if (m.find()) {
      int i = Integer.parseInt(m.group(1));
      if (i < named.size()) {
        return named.get(i).field();
      }
    }
    return "identifiers";
  }
}
