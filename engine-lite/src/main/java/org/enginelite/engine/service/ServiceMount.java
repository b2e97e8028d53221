package org.enginelite.engine.service;

import org.enginelite.driver.InvalidParameterException;

/**
 * A mount of a service's tasks ({@code --mount type=volume,source=data,target=/data}). A volume with no source
 * is anonymous: each task gets its own. A bind's source is an absolute host path.
 */
public record ServiceMount(Type type, String source, String target, boolean readOnly) {

  public enum Type {
    VOLUME,
    BIND,
    TMPFS
  }

  public ServiceMount {
    if (type == null) {
      throw new InvalidParameterException("mount needs a type");
    }
    if (target == null || !target.startsWith("/")) {
      throw new InvalidParameterException("invalid mount target \"" + target + "\": must be an absolute path");
    }
    if (type == Type.BIND && (source == null || !source.startsWith("/"))) {
      throw new InvalidParameterException("invalid bind source \"" + source + "\": must be an absolute path");
    }
    if (type == Type.TMPFS && source != null) {
      throw new InvalidParameterException("tmpfs mount on " + target + " must not have a source");
    }
    if (source != null && source.isEmpty()) {
      source = null;
    }
  }

  public boolean anonymous() {
    return type == Type.VOLUME && source == null;
  }
}
