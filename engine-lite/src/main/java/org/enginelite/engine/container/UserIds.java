package org.enginelite.engine.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.enginelite.driver.InvalidParameterException;

/** Docker's {@code --user} ({@code name|uid[:group|gid]}) resolved against the container's /etc/passwd and /etc/group. */
record UserIds(int uid, int gid, List<Integer> additionalGids) {

  static UserIds resolve(String user, Path rootfs) {
    if (user == null || user.isEmpty()) {
      return new UserIds(0, 0, List.of());
    }
    String[] parts = user.split(":", 2);
    int uid;
    int gid;
    if (parts[0].matches("[0-9]+")) {
      uid = Integer.parseInt(parts[0]);
      gid = lookup(rootfs.resolve("etc/passwd"), 2, uid, 3).orElse(0);
    } else {
      String[] entry = entry(rootfs.resolve("etc/passwd"), parts[0]);
      if (entry == null) {
        throw new InvalidParameterException("unable to find user " + parts[0] + ": no matching entries in passwd file");
      }
      uid = Integer.parseInt(entry[2]);
      gid = Integer.parseInt(entry[3]);
    }
    if (parts.length == 2) {
      if (parts[1].matches("[0-9]+")) {
        gid = Integer.parseInt(parts[1]);
      } else {
        String[] entry = entry(rootfs.resolve("etc/group"), parts[1]);
        if (entry == null) {
          throw new InvalidParameterException("unable to find group " + parts[1] + ": no matching entries in group file");
        }
        gid = Integer.parseInt(entry[2]);
      }
    }
    return new UserIds(uid, gid, List.of());
  }

  private static java.util.Optional<Integer> lookup(Path file, int keyField, int key, int valueField) {
    for (String[] f : entries(file)) {
      if (f.length > valueField && f[keyField].equals(Integer.toString(key))) {
        return java.util.Optional.of(Integer.parseInt(f[valueField]));
      }
    }
    return java.util.Optional.empty();
  }

  private static String[] entry(Path file, String name) {
    for (String[] f : entries(file)) {
      if (f.length > 3 && f[0].equals(name)) {
        return f;
      }
    }
    return null;
  }

  private static List<String[]> entries(Path file) {
    List<String[]> out = new ArrayList<>();
    try {
      if (Files.isRegularFile(file)) {
        for (String line : Files.readAllLines(file)) {
          out.add(line.split(":"));
        }
      }
    } catch (IOException ignored) {
      // no passwd file: numeric ids only
    }
    return out;
  }
}
