package org.taskforce.cases.intake.domain;

/**
 * A phone, e-mail, plate, handle, URL, wallet or IP address a tip names.
 *
 * @param qualifier issuing state of a plate, platform of a handle, chain of a wallet
 */
public record TipIdentifier(IdentifierType type, String value, String qualifier) {
  public TipIdentifier {
    value = value == null ? "" : value.strip();
    qualifier = qualifier == null ? "" : qualifier.strip();
  }
}
