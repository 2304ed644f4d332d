package org.taskforce.deconfliction.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The documented nickname table ({@code deconfliction/nicknames.tsv}): maps a folded given name to
 * the formal names it can stand for, so that Bill matches William and Chuy matches Jesús.
 */
public final class Nicknames {
  private static final String RESOURCE = "/deconfliction/nicknames.tsv";
  private static final Nicknames DEFAULT = load();

  private final Map<String, Set<String>> formalsByName;
  private final Map<String, Set<String>> namesByFormal;
  private final Map<String, Set<String>> variantsByName;

  Nicknames(Map<String, Set<String>> formalsByName) {
    this.formalsByName = formalsByName;
    Map<String, Set<String>> byFormal = new HashMap<>();
    formalsByName.forEach((name, formals) ->
        formals.forEach(f -> byFormal.computeIfAbsent(f, k -> new HashSet<>()).add(name)));
    byFormal.replaceAll((k, v) -> Set.copyOf(v));
    this.namesByFormal = Map.copyOf(byFormal);
    Map<String, Set<String>> variants = new HashMap<>();
    for (String name : formalsByName.keySet()) {
      Set<String> v = new HashSet<>();
      for (String formal : formals(name)) {
        v.add(formal);
        v.addAll(namesByFormal.getOrDefault(formal, Set.of()));
      }
      variants.put(name, Set.copyOf(v));
    }
    this.variantsByName = Map.copyOf(variants);
  }

  /** Every name that may stand for the same person as this one: its formals and their nicknames. */
  public Set<String> variants(String foldedName) {
    return variantsByName.getOrDefault(foldedName, Set.of(foldedName));
  }

  public static Nicknames standard() {
    return DEFAULT;
  }

  /** The formal names a folded given name may stand for, including itself. */
  public Set<String> formals(String foldedName) {
    Set<String> formals = formalsByName.get(foldedName);
    return formals == null ? Set.of(foldedName) : formals;
  }

  /** Whether two different folded given names are known as name and nickname (or nicknames). */
  public boolean equivalent(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    Set<String> fa = formals(a);
    for (String f : formals(b)) {
      if (fa.contains(f)) {
        return true;
      }
    }
    return false;
  }

  public int size() {
    return formalsByName.size();
  }

  private static Nicknames load() {
    Map<String, Set<String>> map = new HashMap<>();
    try (InputStream in = Nicknames.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t");
        String formal = Names.fold(columns[0]);
        map.computeIfAbsent(formal, k -> new HashSet<>()).add(formal);
        if (columns.length > 1) {
          for (String nick : columns[1].split(",")) {
            map.computeIfAbsent(Names.fold(nick), k -> new HashSet<>()).add(formal);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    map.replaceAll((k, v) -> Set.copyOf(v));
    return new Nicknames(Map.copyOf(map));
  }
}
