package org.taskforce.platform.archfixture.application;

import org.bson.Document;

/** A use case that builds BSON itself: what {@code TaskforceArchitecture} refuses. */
public final class StoresDocuments {
  public Document toDocument(String id) {
    return new Document("_id", id);
  }
}
