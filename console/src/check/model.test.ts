import { describe, expect, it } from "vitest";
import { emptySelector, toSelector } from "./model";

describe("selectors as the API takes them", () => {
  it("splits a person's names and reads the date of birth", () => {
    const row = {
      ...emptySelector("person"),
      givenNames: "José  Luis",
      surnames: "García Márquez",
      aliases: "Chuy, El Flaco",
      dateOfBirth: "1990-03-07",
    };
    expect(toSelector(row)).toEqual({
      person: {
        givenNames: ["José", "Luis"],
        surnames: ["García", "Márquez"],
        aliases: ["Chuy", "El Flaco"],
        dateOfBirth: { year: 1990, month: 3, day: 7 },
      },
    });
  });

  it("leaves the date of birth out when none is given", () => {
    expect(toSelector({ ...emptySelector("person"), surnames: "Smith" })).toEqual({
      person: { givenNames: [], surnames: ["Smith"], aliases: [] },
    });
  });

  it("maps the other kinds", () => {
    expect(
      toSelector({ ...emptySelector("vehiclePlate"), plate: "ABC123", plateIssuer: "NM" }),
    ).toEqual({
      vehiclePlate: { plate: "ABC123", issuer: "NM" },
    });
    expect(toSelector({ ...emptySelector("cryptoWallet"), chain: "BTC", wallet: "bc1q" })).toEqual({
      cryptoWallet: { chain: "BTC", address: "bc1q" },
    });
    expect(
      toSelector({
        ...emptySelector("address"),
        street: "1520 Central Ave SE",
        locality: "Albuquerque",
        state: "NM",
        postalCode: "87106",
      }),
    ).toEqual({
      address: {
        address: {
          addressLines: ["1520 Central Ave SE"],
          locality: "Albuquerque",
          administrativeArea: "NM",
          postalCode: "87106",
          regionCode: "US",
        },
      },
    });
  });
});
