package org.taskforce.platform.archfixture.adapter.mongo;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

/** Where MongoDB belongs: an adapter. */
public final class MongoAdapter {
  public long count(MongoCollection<Document> documents) {
    return documents.countDocuments();
  }
}
