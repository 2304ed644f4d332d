package org.taskforce.deconfliction.adapter.grpc;

import com.google.type.Date;
import java.util.ArrayList;
import java.util.List;
import org.taskforce.api.common.v1.Selector;
import org.taskforce.deconfliction.domain.BirthDate;
import org.taskforce.deconfliction.domain.PostalAddress;
import org.taskforce.deconfliction.domain.TargetSelector;

/** Selectors and postal addresses: contract messages ⇄ domain values. */
public final class SelectorMapping {
  private SelectorMapping() {}

  /** The domain selector, or null when the oneof is not set (reported as a violation). */
  public static TargetSelector selector(Selector s) {
    return switch (s.getKindCase()) {
      case PERSON -> {
        var person = s.getPerson();
        yield new TargetSelector.Person(
            person.getGivenNamesList(),
            person.getSurnamesList(),
            person.getAliasesList(),
            person.hasDateOfBirth()
                ? new BirthDate(
                    person.getDateOfBirth().getYear(),
                    person.getDateOfBirth().getMonth(),
                    person.getDateOfBirth().getDay())
                : BirthDate.UNKNOWN);
      }
      case PHONE ->
          new TargetSelector.Phone(s.getPhone().getNumber(), s.getPhone().getDefaultRegionCode());
      case EMAIL -> new TargetSelector.Email(s.getEmail().getAddress());
      case VEHICLE_PLATE ->
          new TargetSelector.VehiclePlate(
              s.getVehiclePlate().getPlate(), s.getVehiclePlate().getIssuer());
      case VEHICLE_VIN -> new TargetSelector.VehicleVin(s.getVehicleVin().getVin());
      case ADDRESS ->
          new TargetSelector.Address(
              s.getAddress().hasAddress() ? address(s.getAddress().getAddress()) : null);
      case SOCIAL_HANDLE ->
          new TargetSelector.SocialHandle(
              s.getSocialHandle().getPlatform(), s.getSocialHandle().getHandle());
      case CRYPTO_WALLET ->
          new TargetSelector.CryptoWallet(
              s.getCryptoWallet().getChain(), s.getCryptoWallet().getAddress());
      case BUSINESS ->
          new TargetSelector.Business(
              s.getBusiness().getName(),
              s.getBusiness().hasAddress() ? address(s.getBusiness().getAddress()) : null);
      case KIND_NOT_SET -> null;
    };
  }

  public static List<TargetSelector> selectors(List<Selector> selectors) {
    List<TargetSelector> out = new ArrayList<>();
    selectors.forEach(s -> out.add(selector(s)));
    return out;
  }

  public static Selector selector(TargetSelector s) {
    Selector.Builder builder = Selector.newBuilder();
    switch (s) {
      case TargetSelector.Person p -> {
        var pb =
            org.taskforce.api.common.v1.PersonSelector.newBuilder()
                .addAllGivenNames(p.givenNames())
                .addAllSurnames(p.surnames())
                .addAllAliases(p.aliases());
        if (p.dateOfBirth().known()) {
          pb.setDateOfBirth(
              Date.newBuilder()
                  .setYear(p.dateOfBirth().year())
                  .setMonth(p.dateOfBirth().month())
                  .setDay(p.dateOfBirth().day()));
        }
        builder.setPerson(pb);
      }
      case TargetSelector.Phone p ->
          builder.setPhone(
              org.taskforce.api.common.v1.PhoneSelector.newBuilder()
                  .setNumber(p.number())
                  .setDefaultRegionCode(n(p.defaultRegionCode())));
      case TargetSelector.Email e ->
          builder.setEmail(
              org.taskforce.api.common.v1.EmailSelector.newBuilder().setAddress(e.address()));
      case TargetSelector.VehiclePlate p ->
          builder.setVehiclePlate(
              org.taskforce.api.common.v1.VehiclePlateSelector.newBuilder()
                  .setPlate(p.plate())
                  .setIssuer(n(p.issuer())));
      case TargetSelector.VehicleVin v ->
          builder.setVehicleVin(
              org.taskforce.api.common.v1.VehicleVinSelector.newBuilder().setVin(v.vin()));
      case TargetSelector.Address a ->
          builder.setAddress(
              org.taskforce.api.common.v1.AddressSelector.newBuilder()
                  .setAddress(address(a.address())));
      case TargetSelector.SocialHandle h ->
          builder.setSocialHandle(
              org.taskforce.api.common.v1.SocialHandleSelector.newBuilder()
                  .setPlatform(h.platform())
                  .setHandle(h.handle()));
      case TargetSelector.CryptoWallet w ->
          builder.setCryptoWallet(
              org.taskforce.api.common.v1.CryptoWalletSelector.newBuilder()
                  .setChain(w.chain())
                  .setAddress(w.address()));
      case TargetSelector.Business bz -> {
        var bb = org.taskforce.api.common.v1.BusinessSelector.newBuilder().setName(bz.name());
        if (bz.address() != null) {
          bb.setAddress(address(bz.address()));
        }
        builder.setBusiness(bb);
      }
    }
    return builder.build();
  }

  static String n(String s) {
    return s == null ? "" : s;
  }

  public static PostalAddress address(org.taskforce.api.common.v1.PostalAddress a) {
    return new PostalAddress(
        a.getAddressLinesList(),
        a.getLocality(),
        a.getAdministrativeArea(),
        a.getPostalCode(),
        a.getRegionCode());
  }

  public static org.taskforce.api.common.v1.PostalAddress address(PostalAddress a) {
    if (a == null) {
      return org.taskforce.api.common.v1.PostalAddress.getDefaultInstance();
    }
    return org.taskforce.api.common.v1.PostalAddress.newBuilder()
        .addAllAddressLines(a.addressLines())
        .setLocality(a.locality())
        .setAdministrativeArea(a.administrativeArea())
        .setPostalCode(a.postalCode())
        .setRegionCode(a.regionCode())
        .build();
  }
}
