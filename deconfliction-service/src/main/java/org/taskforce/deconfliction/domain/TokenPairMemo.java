package org.taskforce.deconfliction.domain;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Outcomes of comparing two name tokens, remembered for {@link NameTokens}: each token is numbered
 * once (a vocabulary of a few thousand to a few hundred thousand names), and a pair with its
 * outcome is one number in an open-addressed table of primitives. A remembered pair costs about one
 * memory read beyond the two tokens' numbers, where a map of pair objects costs a read per object
 * it walks (node, key, both strings and their bytes): at a million registered persons that walk was
 * a sixth of the service's processor time, and a map bounded at 100,000 pairs was emptied again and
 * again.
 *
 * <p>Safe for concurrent use without locks but for growing: a slot is claimed with one
 * compare-and-set, a read sees a whole slot or none. Growth copies into a table twice as large; a
 * pair written to the old table meanwhile may be forgotten, which only costs its comparison again.
 * At {@link #MAX_SLOTS} slots or {@link #MAX_TOKENS} numbered tokens everything is forgotten at
 * once and remembering starts afresh. Memory stays bounded: at most 32 MiB of slots (48 MiB while
 * the last growth copies), and the vocabulary's map of at most {@link #MAX_TOKENS} short strings
 * (about 50 MiB at its fullest; a few MiB for a million registered persons' names).
 */
final class TokenPairMemo {
  /** Tokens numbered before starting afresh (a slot has room for numbers of 21 bits). */
  static final int MAX_TOKENS = 1 << 19;

  /** Slots at the most: remembers up to half as many pairs. */
  static final int MAX_SLOTS = 1 << 22;

  /** Outcomes a slot can hold: 0 to this, exclusive. */
  static final int OUTCOMES = 31;

  private static final int FIRST_SLOTS = 1 << 12;
  private static final int OUTCOME_BITS = 5;
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

  /** The tokens' numbers and the table of pairs numbered by them. */
  private static final class Table {
    final ConcurrentHashMap<String, Integer> numbers;
    final AtomicInteger nextNumber;
    final long[] slots;
    final AtomicInteger used = new AtomicInteger();

    Table(ConcurrentHashMap<String, Integer> numbers, AtomicInteger nextNumber, int size) {
      this.numbers = numbers;
      this.nextNumber = nextNumber;
      this.slots = new long[size];
    }
  }

  private final int maxTokens;
  private volatile Table table = fresh();

  TokenPairMemo() {
    this(MAX_TOKENS);
  }

  /** With room for fewer tokens (tests: starting afresh when the vocabulary is full). */
  TokenPairMemo(int maxTokens) {
    if (maxTokens < 1 || maxTokens > MAX_TOKENS) {
      throw new IllegalArgumentException("maxTokens out of range: " + maxTokens);
    }
    this.maxTokens = maxTokens;
  }

  private static Table fresh() {
    return new Table(new ConcurrentHashMap<>(), new AtomicInteger(), FIRST_SLOTS);
  }

  /** What {@link #outcome} answers for a pair not remembered. */
  static final int UNKNOWN = -1;

  /** The remembered outcome of a pair, or {@link #UNKNOWN}. */
  int outcome(String first, String second, boolean givenNames) {
    Table current = table;
    Integer firstNumber = current.numbers.get(first);
    Integer secondNumber = firstNumber == null ? null : current.numbers.get(second);
    if (secondNumber == null) {
      return UNKNOWN;
    }
    long key = key(firstNumber, secondNumber, givenNames);
    long[] slots = current.slots;
    int mask = slots.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      long entry = (long) SLOT.getOpaque(slots, i);
      if (entry == 0) {
        return UNKNOWN;
      }
      if (entry >>> OUTCOME_BITS == key) {
        return (int) (entry & ((1 << OUTCOME_BITS) - 1)) - 1;
      }
    }
  }

  /** Remembers a pair's outcome (0 to {@link #OUTCOMES}, exclusive). */
  void remember(String first, String second, boolean givenNames, int outcome) {
    if (outcome < 0 || outcome >= OUTCOMES) {
      throw new IllegalArgumentException("outcome out of range: " + outcome);
    }
    Table current = table;
    int firstNumber = number(current, first, maxTokens);
    int secondNumber = number(current, second, maxTokens);
    if (firstNumber < 0 || secondNumber < 0) {
      table = fresh(); // the vocabulary is full: start afresh
      return;
    }
    long key = key(firstNumber, secondNumber, givenNames);
    long entry = key << OUTCOME_BITS | (outcome + 1);
    if (insert(current.slots, key, entry)
        && current.used.incrementAndGet() > current.slots.length / 2) {
      grow(current);
    }
  }

  /** Pairs remembered now (for tests). */
  int size() {
    return table.used.get();
  }

  private static int number(Table current, String token, int maxTokens) {
    Integer known = current.numbers.get(token);
    if (known != null) {
      return known;
    }
    int next = current.nextNumber.getAndIncrement();
    if (next >= maxTokens) {
      return -1;
    }
    Integer raced = current.numbers.putIfAbsent(token, next);
    return raced == null ? next : raced; // a lost race wastes one number, nothing else
  }

  /** True when this call claimed a slot for the pair (false: it was there already). */
  private static boolean insert(long[] slots, long key, long entry) {
    int mask = slots.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      long there = (long) SLOT.getOpaque(slots, i);
      if (there == 0) {
        if (SLOT.compareAndSet(slots, i, 0L, entry)) {
          return true;
        }
        there = (long) SLOT.getOpaque(slots, i);
      }
      if (there >>> OUTCOME_BITS == key) {
        return false;
      }
    }
  }

  private synchronized void grow(Table full) {
    if (table != full) {
      return; // another thread grew it (or started afresh)
    }
    if (full.slots.length >= MAX_SLOTS) {
      table = fresh();
      return;
    }
    Table larger = new Table(full.numbers, full.nextNumber, full.slots.length * 2);
    int copied = 0;
    for (int i = 0; i < full.slots.length; i++) {
      long entry = (long) SLOT.getOpaque(full.slots, i);
      if (entry != 0 && insert(larger.slots, entry >>> OUTCOME_BITS, entry)) {
        copied++;
      }
    }
    larger.used.set(copied);
    table = larger;
  }

  /** A pair as one number: the first token's number, the second's, the kind of name. */
  static long key(int firstNumber, int secondNumber, boolean givenNames) {
    return ((long) firstNumber << 22 | (long) secondNumber << 1) | (givenNames ? 1 : 0);
  }

  private static int slot(long key, int mask) {
    long mixed = (key ^ (key >>> 33)) * 0xff51afd7ed558ccdL; // MurmurHash3's 64-bit finish
    mixed = (mixed ^ (mixed >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return (int) (mixed ^ (mixed >>> 33)) & mask;
  }
}
