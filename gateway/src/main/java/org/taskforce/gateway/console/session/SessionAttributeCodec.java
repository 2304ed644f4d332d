package org.taskforce.gateway.console.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.taskforce.platform.crypto.FieldSealer;

/**
 * How a session attribute is kept at rest: Java serialization (Spring Security's objects are made
 * for it), sealed with AES-256-GCM under the session key ({@link FieldSealer}: the key lives
 * outside the database, the session document's own id and the attribute name are the associated
 * data, so a sealed value copied onto another session or attribute does not open), and read back
 * through an allow-list filter: a class that is not Spring Security's or one of the JDK's plain
 * value and collection types is refused before any of its code runs.
 */
public final class SessionAttributeCodec {
  /** Plain JDK types Spring Security's session objects are made of. */
  private static final Set<String> JDK_CLASSES =
      Set.of(
          "java.lang.String",
          "java.lang.Boolean",
          "java.lang.Byte",
          "java.lang.Short",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Float",
          "java.lang.Double",
          "java.lang.Character",
          "java.lang.Number",
          "java.lang.Enum",
          "java.lang.Object",
          "java.net.URI",
          "java.net.URL",
          "java.time.Ser",
          "java.time.Instant",
          "java.lang.String$CaseInsensitiveComparator",
          "java.util.ArrayList",
          "java.util.Arrays$ArrayList",
          "java.util.LinkedList",
          "java.util.Map$Entry",
          "java.util.HashMap",
          "java.util.LinkedHashMap",
          "java.util.TreeMap",
          "java.util.HashSet",
          "java.util.LinkedHashSet",
          "java.util.TreeSet",
          "java.util.Date",
          "java.util.Locale",
          "java.util.CollSer",
          "java.util.ImmutableCollections$ListN",
          "java.util.ImmutableCollections$List12",
          "java.util.ImmutableCollections$SetN",
          "java.util.ImmutableCollections$Set12",
          "java.util.ImmutableCollections$MapN",
          "java.util.ImmutableCollections$Map1",
          "java.util.Collections$UnmodifiableCollection",
          "java.util.Collections$UnmodifiableList",
          "java.util.Collections$UnmodifiableRandomAccessList",
          "java.util.Collections$UnmodifiableSet",
          "java.util.Collections$UnmodifiableSortedSet",
          "java.util.Collections$UnmodifiableMap",
          "java.util.Collections$EmptyList",
          "java.util.Collections$EmptySet",
          "java.util.Collections$EmptyMap",
          "java.util.Collections$SingletonList",
          "java.util.Collections$SingletonSet",
          "java.util.Collections$SingletonMap",
          "org.springframework.util.LinkedMultiValueMap",
          "org.springframework.util.LinkedCaseInsensitiveMap");

  /** Spring Security's own session objects (contexts, tokens, users, authorization requests). */
  private static final String SPRING_SECURITY = "org.springframework.security.";

  private static final long MAX_BYTES = 256 * 1024;
  private static final long MAX_DEPTH = 40;
  private static final long MAX_REFERENCES = 20_000;
  private static final long MAX_ARRAY = 64 * 1024;

  private final FieldSealer sealer;

  public SessionAttributeCodec(FieldSealer sealer) {
    this.sealer = sealer;
  }

  /** The attribute's serialized form; fails for a value that cannot be serialized. */
  public static byte[] serialize(String name, Object value) {
    if (!(value instanceof Serializable)) {
      throw new IllegalArgumentException(
          "session attribute " + name + " is not serializable: " + value.getClass().getName());
    }
    var bytes = new ByteArrayOutputStream();
    try (var out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException("session attribute " + name + " cannot be serialized", e);
    }
    return bytes.toByteArray();
  }

  /** What is stored of a rising attribute: its {@code Long} as a plain number. */
  static Long risingForm(String name, Object value) {
    if (!(value instanceof Long number)) {
      throw new IllegalArgumentException("session attribute " + name + " must be a Long");
    }
    return number;
  }

  /**
   * What is stored of an attribute, given what is stored now ({@code was}). Its serialized form can
   * differ from the stored one while the value is the same: a cached field that is serialized (a
   * {@code URL}'s hash code, computed when first asked for and not when read back); the value read
   * back and serialized again tells.
   */
  static byte[] storedForm(String name, Object value, Object was) {
    byte[] form = serialize(name, value);
    if (was instanceof byte[] stored && !Arrays.equals(stored, form)) {
      try {
        byte[] again = serialize(name, deserialize(name, form));
        if (Arrays.equals(stored, again)) {
          return stored;
        }
      } catch (RuntimeException e) {
        // Not readable back (a class outside the allow-list): stored as it is, refused on read.
      }
    }
    return form;
  }

  /** Sealed for the stored session document {@code documentId}'s attribute {@code name}. */
  public String seal(String documentId, String name, byte[] serialized) {
    return sealer.seal(
        associated(documentId, name), Base64.getEncoder().encodeToString(serialized));
  }

  /**
   * The serialized form inside a sealed value.
   *
   * @throws UnreadableAttribute when it does not open (another key, another session, altered)
   */
  public byte[] open(String documentId, String name, String sealed) {
    try {
      return Base64.getDecoder().decode(sealer.open(associated(documentId, name), sealed));
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new UnreadableAttribute(name, "its seal does not open", e);
    }
  }

  /**
   * The object, read through the allow-list.
   *
   * @throws UnreadableAttribute when it holds a class that is not allowed, or is not a whole object
   */
  public static Object deserialize(String name, byte[] serialized) {
    var refused = new java.util.concurrent.atomic.AtomicReference<String>();
    try (var in = new ObjectInputStream(new ByteArrayInputStream(serialized))) {
      in.setObjectInputFilter(info -> {
        var status = check(info);
        if (status == ObjectInputFilter.Status.REJECTED && info.serialClass() != null) {
          refused.compareAndSet(null, info.serialClass().getName());
        }
        return status;
      });
      return in.readObject();
    } catch (InvalidClassException e) {
      // The class's name only: a type says nothing about the user.
      throw new UnreadableAttribute(
          name,
          "it holds a class that is not allowed ("
              + (refused.get() == null ? "limits exceeded" : refused.get())
              + ")",
          e);
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      throw new UnreadableAttribute(name, "it is not a whole object", e);
    }
  }

  static ObjectInputFilter.Status check(ObjectInputFilter.FilterInfo info) {
    if (info.depth() > MAX_DEPTH
        || info.references() > MAX_REFERENCES
        || info.streamBytes() > MAX_BYTES
        || info.arrayLength() > MAX_ARRAY) {
      return ObjectInputFilter.Status.REJECTED;
    }
    Class<?> type = info.serialClass();
    if (type == null) {
      return ObjectInputFilter.Status.UNDECIDED;
    }
    return allowed(type) ? ObjectInputFilter.Status.ALLOWED : ObjectInputFilter.Status.REJECTED;
  }

  static boolean allowed(Class<?> type) {
    while (type.isArray()) {
      type = type.getComponentType();
    }
    if (type.isPrimitive()) {
      return true;
    }
    String name = type.getName();
    return JDK_CLASSES.contains(name) || name.startsWith(SPRING_SECURITY);
  }

  private static String associated(String documentId, String name) {
    return documentId + "/" + name;
  }

  /** A stored attribute that is refused: the session it belongs to is not used. */
  public static final class UnreadableAttribute extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreadableAttribute(String name, String why, Throwable cause) {
      super("session attribute " + name + " cannot be read: " + why, cause);
    }
  }
}
