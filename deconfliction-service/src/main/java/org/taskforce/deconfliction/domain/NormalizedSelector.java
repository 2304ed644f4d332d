package org.taskforce.deconfliction.domain;

import java.util.List;

/**
 * A selector as stored: the input, its canonical keys (exact matching) and, for persons, the
 * comparable profile (fuzzy matching).
 *
 * @param canonicalKeys e.g. {@code phone:+15055550142}; for persons one descriptive key that is
 *     shown to the owner but not matched exactly
 * @param person the profile of a person selector; null for every other type
 */
public record NormalizedSelector(
    TargetSelector input, List<String> canonicalKeys, PersonProfile person) {
  public NormalizedSelector {
    canonicalKeys = List.copyOf(canonicalKeys);
  }

  public SelectorType type() {
    return input.type();
  }

  /** Keys matched exactly (all but persons'). */
  public List<String> exactKeys() {
    return person == null ? canonicalKeys : List.of();
  }
}
