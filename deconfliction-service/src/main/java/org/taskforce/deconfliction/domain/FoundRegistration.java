package org.taskforce.deconfliction.domain;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** What the index tells about one registration found under an ask's keys. */
final class FoundRegistration {
  final IndexEntry entry;
  final Set<String> profiles = new LinkedHashSet<>();
  final Map<SelectorType, String> shared = new EnumMap<>(SelectorType.class);

  FoundRegistration(IndexEntry entry) {
    this.entry = entry;
  }
}
