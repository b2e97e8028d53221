package org.enginelite.engine.container;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One container as stored in the state store (bucket {@value #BUCKET}, key = id): the create request as the
 * client sent it, the image it was created from, its lifecycle state, and the inspect and list fields that
 * extensions contributed.
 */
public record ContainerRecord(String id, String name, String created, String imageId, String imageRef,
    ObjectNode request, ContainerState state, ObjectNode inspectFields, ObjectNode summaryFields) {
  public static final String BUCKET = "containers";
  /** name → id, so a duplicate name fails inside the create transaction. */
  public static final String NAMES = "container-names";

  public ContainerRecord {
    inspectFields = inspectFields == null ? JsonNodeFactory.instance.objectNode() : inspectFields;
    summaryFields = summaryFields == null ? JsonNodeFactory.instance.objectNode() : summaryFields;
  }

  public ContainerRecord withState(ContainerState newState) {
    return new ContainerRecord(id, name, created, imageId, imageRef, request, newState, inspectFields,
        summaryFields);
  }

  public ContainerRecord withFields(ObjectNode inspect, ObjectNode summary) {
    return new ContainerRecord(id, name, created, imageId, imageRef, request, state, inspect, summary);
  }

  public String shortId() {
    return id.substring(0, 12);
  }
}
