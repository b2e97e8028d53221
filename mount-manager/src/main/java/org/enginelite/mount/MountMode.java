package org.enginelite.mount;

import java.util.Set;

/**
 * The mode after the second colon of {@code -v}: at most one each of {@code ro|rw}, a propagation, {@code nocopy},
 * an SELinux label ({@code z|Z}, accepted and ignored without SELinux) and a consistency word (macOS only, ignored).
 */
record MountMode(boolean readOnly, Propagation propagation, boolean noCopy) {
  private static final Set<String> ACCESS = Set.of("ro", "rw");
  private static final Set<String> LABEL = Set.of("z", "Z");
  private static final Set<String> CONSISTENCY = Set.of("consistent", "cached", "delegated");

  static final MountMode DEFAULT = new MountMode(false, null, false);

  /** Parses {@code mode}; throws Docker's {@code invalid mode: <mode>} for anything else. */
  static MountMode parse(String mode) {
    if (mode.isEmpty()) {
      return DEFAULT;
    }
    int access = 0;
    int label = 0;
    int copy = 0;
    int consistency = 0;
    boolean ro = false;
    Propagation propagation = null;
    for (String word : mode.split(",", -1)) {
      if (ACCESS.contains(word)) {
        access++;
        ro = word.equals("ro");
      } else if (LABEL.contains(word)) {
        label++;
      } else if (word.equals("nocopy")) {
        copy++;
      } else if (CONSISTENCY.contains(word)) {
        consistency++;
      } else if (Propagation.parse(word).isPresent()) {
        if (propagation != null) {
          throw invalid(mode);
        }
        propagation = Propagation.parse(word).get();
      } else {
        throw invalid(mode);
      }
    }
    if (access > 1 || label > 1 || copy > 1 || consistency > 1) {
      throw invalid(mode);
    }
    return new MountMode(ro, propagation, copy == 1);
  }

  static boolean isValid(String mode) {
    try {
      parse(mode);
      return true;
    } catch (MountConfigException e) {
      return false;
    }
  }

  private static MountConfigException invalid(String mode) {
    return new MountConfigException("invalid mode: " + mode);
  }
}
