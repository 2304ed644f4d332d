package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taskforce.api.common.v1.AddressSelector;
import org.taskforce.api.common.v1.BusinessSelector;
import org.taskforce.api.common.v1.CryptoWalletSelector;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.common.v1.EmailSelector;
import org.taskforce.api.common.v1.PersonSelector;
import org.taskforce.api.common.v1.PhoneSelector;
import org.taskforce.api.common.v1.PostalAddress;
import org.taskforce.api.common.v1.Selector;
import org.taskforce.api.common.v1.SocialHandleSelector;
import org.taskforce.api.common.v1.VehiclePlateSelector;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingRequest;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.GetTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.ListConflictsRequest;
import org.taskforce.api.deconfliction.v1.ListTargetRegistrationsRequest;
import org.taskforce.api.deconfliction.v1.MatchTier;
import org.taskforce.api.deconfliction.v1.RegistrationStatus;
import org.taskforce.api.deconfliction.v1.RenewTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.TargetRegistration;
import org.taskforce.api.deconfliction.v1.UpdateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.WithdrawTargetRegistrationRequest;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.platform.testing.ErrorDetails;

class TargetRegistrationTest extends DeconflictionTestBase {

  @Test
  void registeringTheSamePhoneInAnotherFormat_raisesOneConflictAndNotifiesBothSidesOnce() {
    var first = register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("(505) 555-0142"));
    assertThat(first.getHitsList()).isEmpty();
    assertThat(first.getRegistration().getNormalizedSelectors(0).getCanonicalKeysList())
        .containsExactly("phone:+15055550142");

    var second = register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("+1.505.555.0142"));

    assertThat(second.getHitsList())
        .singleElement()
        .satisfies(h -> {
          assertThat(h.getTier()).isEqualTo(MatchTier.MATCH_TIER_MATCH);
          assertThat(h.getOwnerAgency().getAgencyId()).isEqualTo(APD);
          assertThat(h.getConflictId()).startsWith("c-");
        });
    var conflicts =
        as(apd()).listConflicts(ListConflictsRequest.getDefaultInstance()).getConflictsList();
    assertThat(conflicts)
        .singleElement()
        .satisfies(c -> {
          assertThat(c.getSidesList()).hasSize(2);
          var hsiSide =
              c.getSidesList().stream()
                  .filter(s -> s.getAgency().getAgencyId().equals(HSI))
                  .findFirst()
                  .orElseThrow();
          assertThat(hsiSide.getRegistrationId())
              .isEmpty(); // only the reader's own registration id
          assertThat(hsiSide.getPointOfContact().getDisplayName()).isEqualTo("Det. Rivera");
        });
    drainOutbox();
    assertThat(NOTIFICATIONS.publishedTo(APD))
        .singleElement()
        .satisfies(n ->
            assertThat(n.getKind()).isEqualTo(NotificationKind.NOTIFICATION_KIND_TARGET_CONFLICT));
    assertThat(NOTIFICATIONS.publishedTo(HSI)).hasSize(1);
    assertThat(NOTIFICATIONS.published().toString()).doesNotContain("case-secret-123");
  }

  @Test
  void anAgencysOwnRegistrations_doNotConflictWithEachOther() {
    register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"));
    assertThat(
            register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"))
                .getHitsList())
        .isEmpty();
  }

  @Test
  void retriedCreateWithTheSameRequestId_storesOneRegistration() {
    var request =
        CreateTargetRegistrationRequest.newBuilder()
            .setRegistration(target(DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142")))
            .setRequestId("req-1")
            .build();
    var a = as(apd()).createTargetRegistration(request);
    var b = as(apd()).createTargetRegistration(request);
    assertThat(b.getRegistration().getRegistrationId())
        .isEqualTo(a.getRegistration().getRegistrationId());
    assertThat(database.getCollection("targets").countDocuments()).isEqualTo(1);
  }

  static Object[][] badSelectors() {
    return new Object[][] {
      {
        phone("555-01"),
        "registration.selectors[0].phone.number",
        "phone \"555-01\" is not a valid number for region US"
      },
      {
        Selector.newBuilder()
            .setPhone(PhoneSelector.newBuilder().setNumber("5055550142").setDefaultRegionCode("XX"))
            .build(),
        "registration.selectors[0].phone.default_region_code",
        "not an ISO 3166-1 region code"
      },
      {
        Selector.newBuilder()
            .setEmail(EmailSelector.newBuilder().setAddress("chuy at example"))
            .build(),
        "registration.selectors[0].email.address",
        "is not an e-mail address"
      },
      {
        Selector.newBuilder()
            .setVehiclePlate(VehiclePlateSelector.newBuilder().setPlate("ABC123"))
            .build(),
        "registration.selectors[0].vehicle_plate.issuer",
        "issuing state or tribal nation is required"
      },
      {
        Selector.newBuilder()
            .setVehiclePlate(
                VehiclePlateSelector.newBuilder().setPlate("ABC-123-XYZ9").setIssuer("NM"))
            .build(),
        "registration.selectors[0].vehicle_plate.plate",
        "1 to 8 letters and digits"
      },
      {
        vin("1FTFW1E50PFA12345"),
        "registration.selectors[0].vehicle_vin.vin",
        "fails its check digit"
      },
      {vin("1FTFW1E5"), "registration.selectors[0].vehicle_vin.vin", "a VIN has 17"},
      {
        Selector.newBuilder()
            .setAddress(
                AddressSelector.newBuilder()
                    .setAddress(PostalAddress.newBuilder().setLocality("Albuquerque")))
            .build(),
        "registration.selectors[0].address.address.address_lines",
        "a street address is required"
      },
      {
        Selector.newBuilder()
            .setAddress(
                AddressSelector.newBuilder()
                    .setAddress(
                        PostalAddress.newBuilder()
                            .addAddressLines("1 Main St")
                            .setPostalCode("8710")))
            .build(),
        "registration.selectors[0].address.address.postal_code",
        "is not a US ZIP code"
      },
      {
        Selector.newBuilder()
            .setSocialHandle(
                SocialHandleSelector.newBuilder().setPlatform("instagram").setHandle("chuy abq!"))
            .build(),
        "registration.selectors[0].social_handle.handle",
        "may only hold"
      },
      {
        Selector.newBuilder()
            .setSocialHandle(SocialHandleSelector.newBuilder().setHandle("chuy"))
            .build(),
        "registration.selectors[0].social_handle.platform",
        "platform is required"
      },
      {
        Selector.newBuilder()
            .setCryptoWallet(
                CryptoWalletSelector.newBuilder().setChain("ethereum").setAddress("0x123"))
            .build(),
        "registration.selectors[0].crypto_wallet.address",
        "is not a ethereum address"
      },
      {
        Selector.newBuilder()
            .setCryptoWallet(
                CryptoWalletSelector.newBuilder().setChain("dogecoin").setAddress("D123"))
            .build(),
        "registration.selectors[0].crypto_wallet.chain",
        "not a supported chain"
      },
      {
        Selector.newBuilder().setBusiness(BusinessSelector.newBuilder().setName("  ,. ")).build(),
        "registration.selectors[0].business.name",
        "business name"
      },
      {
        Selector.newBuilder().setPerson(PersonSelector.newBuilder().addGivenNames("Jesús")).build(),
        "registration.selectors[0].person.surnames",
        "needs a surname"
      },
      {
        Selector.newBuilder()
            .setPerson(
                PersonSelector.newBuilder()
                    .addSurnames("García")
                    .setDateOfBirth(
                        com.google.type.Date.newBuilder().setYear(1988).setMonth(2).setDay(30)))
            .build(),
        "registration.selectors[0].person.date_of_birth.day",
        "is not a calendar date"
      },
      {
        Selector.newBuilder()
            .setPerson(PersonSelector.newBuilder().addSurnames("García").addGivenNames("R2D2"))
            .build(),
        "registration.selectors[0].person.given_names[0]",
        "contains digits"
      },
      {Selector.getDefaultInstance(), "registration.selectors[0]", "selector kind is not set"},
    };
  }

  @ParameterizedTest
  @MethodSource("badSelectors")
  void invalidSelector_isRefusedWithTheReason_andNothingIsStored(
      Selector bad, String field, String reason) {
    var e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"), bad));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    Map<String, String> violations = ErrorDetails.violations(e);
    String shifted = field.replace("selectors[0]", "selectors[1]");
    assertThat(violations).containsKey(shifted);
    assertThat(violations.get(shifted)).contains(reason);
    assertThat(database.getCollection("targets").countDocuments()).isZero();
    assertThat(database.getCollection("match_index").countDocuments()).isZero();
  }

  @Test
  void everyDisclosureLevel_revealsExactlyWhatItPromises() {
    register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0101"));
    register(nnpd(), DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY, phone("505-555-0102"));
    register(fbi(), DisclosureLevel.DISCLOSURE_LEVEL_RESTRICTED, phone("505-555-0103"));

    var hits =
        as(hsi())
            .checkBeforeActing(
                CheckBeforeActingRequest.newBuilder()
                    .addSelectors(phone("505-555-0101"))
                    .addSelectors(phone("505-555-0102"))
                    .addSelectors(phone("505-555-0103"))
                    .setPurpose("test")
                    .build())
            .getHitsList();

    assertThat(hits).hasSize(2);
    assertThat(hits)
        .filteredOn(h -> h.getDisclosureLevel() == DisclosureLevel.DISCLOSURE_LEVEL_OPEN)
        .singleElement()
        .satisfies(h -> {
          assertThat(h.getOwnerAgency().getDisplayName())
              .isEqualTo("Albuquerque Police Department");
          assertThat(h.getOwnerContact().getPhone()).isEqualTo("+15055550100");
        });
    assertThat(hits)
        .filteredOn(h -> h.getDisclosureLevel() == DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY)
        .singleElement()
        .satisfies(h -> {
          assertThat(h.getOwnerAgency().getAgencyId()).isEqualTo(NNPD);
          assertThat(h.hasOwnerContact()).isFalse();
        });
    assertThat(hits).noneMatch(h -> h.getOwnerAgency().getAgencyId().equals(FBI));
  }

  @Test
  void anotherAgencysRegistration_isNotFound() {
    String id =
        register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"))
            .getRegistration()
            .getRegistrationId();
    var e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                as(hsi())
                    .getTargetRegistration(
                        GetTargetRegistrationRequest.newBuilder().setRegistrationId(id).build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            as(apd())
                .getTargetRegistration(
                    GetTargetRegistrationRequest.newBuilder().setRegistrationId(id).build())
                .getRegistration()
                .getCaseReference())
        .isEqualTo("case-secret-123");
  }

  @Test
  void updateRenewWithdraw_followEtags_andAWithdrawnTargetStopsMatching() {
    TargetRegistration r =
        register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"))
            .getRegistration();

    var updated =
        as(apd())
            .updateTargetRegistration(
                UpdateTargetRegistrationRequest.newBuilder()
                    .setRegistration(
                        r.toBuilder()
                            .clearSelectors()
                            .addSelectors(phone("505-555-0143"))
                            .addSelectors(vin(VIN)))
                    .setUpdateMask(FieldMask.newBuilder().addPaths("selectors"))
                    .build())
            .getRegistration();
    assertThat(updated.getNormalizedSelectorsList()).hasSize(2);
    assertThat(updated.getEtag()).isNotEqualTo(r.getEtag());

    var stale =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                as(apd())
                    .renewTargetRegistration(
                        RenewTargetRegistrationRequest.newBuilder()
                            .setRegistrationId(r.getRegistrationId())
                            .setEtag(r.getEtag())
                            .build()));
    assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);

    // The old phone no longer matches; the new one does.
    assertThat(
            as(hsi())
                .checkBeforeActing(
                    CheckBeforeActingRequest.newBuilder()
                        .addSelectors(phone("505-555-0142"))
                        .setPurpose("t")
                        .build())
                .getHitsList())
        .isEmpty();
    assertThat(
            as(hsi())
                .checkBeforeActing(
                    CheckBeforeActingRequest.newBuilder()
                        .addSelectors(phone("505-555-0143"))
                        .setPurpose("t")
                        .build())
                .getHitsList())
        .hasSize(1);

    var renewed =
        as(apd())
            .renewTargetRegistration(
                RenewTargetRegistrationRequest.newBuilder()
                    .setRegistrationId(r.getRegistrationId())
                    .setEtag(updated.getEtag())
                    .build())
            .getRegistration();
    var withdrawn =
        as(apd())
            .withdrawTargetRegistration(
                WithdrawTargetRegistrationRequest.newBuilder()
                    .setRegistrationId(r.getRegistrationId())
                    .setEtag(renewed.getEtag())
                    .setReason("case closed")
                    .build())
            .getRegistration();
    assertThat(withdrawn.getStatus()).isEqualTo(RegistrationStatus.REGISTRATION_STATUS_WITHDRAWN);
    assertThat(
            as(hsi())
                .checkBeforeActing(
                    CheckBeforeActingRequest.newBuilder()
                        .addSelectors(phone("505-555-0143"))
                        .setPurpose("t")
                        .build())
                .getHitsList())
        .isEmpty();
    assertThat(
            as(apd())
                .listTargetRegistrations(
                    ListTargetRegistrationsRequest.newBuilder()
                        .addStatuses(RegistrationStatus.REGISTRATION_STATUS_WITHDRAWN)
                        .build())
                .getRegistrationsList())
        .hasSize(1);
  }

  @Test
  void expiryBeyondFiveYears_isRefused() {
    var e =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                as(apd())
                    .createTargetRegistration(
                        CreateTargetRegistrationRequest.newBuilder()
                            .setRegistration(
                                target(DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"))
                                    .toBuilder()
                                    .setExpireTime(
                                        ProtoMapping.timestamp(
                                            java.time.Instant.now()
                                                .plus(java.time.Duration.ofDays(6 * 365)))))
                            .build()));
    assertThat(ErrorDetails.violations(e)).containsKey("registration.expire_time");
  }
}
