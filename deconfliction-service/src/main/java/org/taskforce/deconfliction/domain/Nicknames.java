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
 * The documented given-name tables: nicknames and short forms ({@code deconfliction/nicknames.tsv})
 * map a folded given name to the formal names it can stand for, so that Bill matches William and
 * Chuy matches Jesús; the same name in other languages ({@code
 * deconfliction/given-name-equivalents.tsv}) joins a formal name to its group's first (English)
 * form, so that José matches Joseph, and Pepe (José) matches Joe (Joseph).
 */
public final class Nicknames {
  private static final String RESOURCE = "/deconfliction/nicknames.tsv";
  private static final String EQUIVALENTS = "/deconfliction/given-name-equivalents.tsv";
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
    for (String[] columns : rows(RESOURCE)) {
      String formal = Names.fold(columns[0]);
      map.computeIfAbsent(formal, k -> new HashSet<>()).add(formal);
      if (columns.length > 1) {
        for (String nick : columns[1].split(",")) {
          map.computeIfAbsent(Names.fold(nick), k -> new HashSet<>()).add(formal);
        }
      }
    }
    // Every member of a group of equivalents stands for the group's first form as well; a name
    // that stands for a member (a nickname) then stands for that first form too.
    Map<String, String> head = new HashMap<>();
    for (String[] group : rows(EQUIVALENTS)) {
      String first = Names.fold(group[0]);
      for (String member : group) {
        head.put(Names.fold(member), first);
        map.computeIfAbsent(Names.fold(member), k -> new HashSet<>()).add(Names.fold(member));
      }
    }
    for (Set<String> formals : map.values()) {
      for (String f : Set.copyOf(formals)) {
        String h = head.get(f);
        if (h != null) {
          formals.add(h);
        }
      }
    }
    map.replaceAll((k, v) -> Set.copyOf(v));
    return new Nicknames(Map.copyOf(map));
  }

  private static java.util.List<String[]> rows(String resource) {
    java.util.List<String[]> rows = new java.util.ArrayList<>();
    try (InputStream in = Nicknames.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split("\t"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
