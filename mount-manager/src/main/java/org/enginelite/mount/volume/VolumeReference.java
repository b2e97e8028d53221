package org.enginelite.mount.volume;

/**
 * A container refers to a volume, running or not. Stored under {@code <volume>/<containerId>} in
 * {@value #BUCKET}; written and deleted in the container's own create and remove transactions.
 */
public record VolumeReference(String volume, String containerId) {
  public static final String BUCKET = "volume.refs";

  String key() {
    return volume + "/" + containerId;
  }
}
