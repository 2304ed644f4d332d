package org.taskforce.cases.intake.domain;

/**
 * A person a tip describes.
 *
 * @param name a name, or empty when only described
 * @param approximateAge years; 0 when unknown
 */
public record TipPerson(String name, String description, int approximateAge, PersonRole role) {
  public TipPerson {
    name = name == null ? "" : name.strip();
    description = description == null ? "" : description.strip();
  }
}
