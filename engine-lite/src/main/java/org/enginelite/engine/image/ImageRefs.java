package org.enginelite.engine.image;

import java.util.regex.Pattern;
import org.enginelite.driver.InvalidParameterException;

/** Docker's image reference rules, as far as local images need them: {@code name[:tag]}, tag "latest" by default. */
public final class ImageRefs {
  private static final Pattern REPO = Pattern.compile("[a-z0-9]+([._-]+[a-z0-9]+)*(:[0-9]+)?(/[a-z0-9]+([._-]+[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  private ImageRefs() {}

  /** {@code busybox} becomes {@code busybox:latest}; {@code host:5000/a} keeps its port and gets a tag. */
  public static String normalize(String ref) {
    String r = ref.startsWith("docker.io/library/") ? ref.substring("docker.io/library/".length()) : ref;
    int slash = r.lastIndexOf('/');
    int colon = r.lastIndexOf(':');
    return colon > slash ? r : r + ":latest";
  }

  /** Docker's familiar name: the docker CLI sends {@code docker.io/library/busybox} for {@code busybox}. */
  private static String familiar(String repo) {
    if (repo.startsWith("docker.io/library/")) {
      return repo.substring("docker.io/library/".length());
    }
    return repo.startsWith("docker.io/") ? repo.substring("docker.io/".length()) : repo;
  }

  /** The {@code repo:tag} an import or a tag is given, checked; null when no repository is given. */
  public static String tagOf(String repo, String tag) {
    if (repo == null || repo.isEmpty()) {
      return null;
    }
    String familiar = familiar(repo);
    String full = tag == null || tag.isEmpty() ? normalize(familiar) : familiar + ":" + tag;
    int colon = full.lastIndexOf(':');
    if (!REPO.matcher(full.substring(0, colon)).matches() || !TAG.matcher(full.substring(colon + 1)).matches()) {
      throw new InvalidParameterException("invalid reference format: " + full);
    }
    return full;
  }
}
