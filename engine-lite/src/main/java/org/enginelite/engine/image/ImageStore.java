package org.enginelite.engine.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.enginelite.driver.ConflictException;
import org.enginelite.driver.InternalException;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.driver.state.StateStore;
import org.enginelite.engine.image.ImageRecord.ImageConfig;

/**
 * Local images: records in the state store (bucket {@value #BUCKET}), layers unpacked once per distinct tarball
 * under {@code <data-root>/images/layers/<sha256>}, kept in memory too so container create never reads disk
 * for an image.
 */
public final class ImageStore {
  static final String BUCKET = "images";

  private final StateStore store;
  private final Path layers;
  private final Path incoming;
  private final ObjectMapper json;
  private final Map<String, ImageRecord> byId = new ConcurrentHashMap<>();

  public ImageStore(StateStore store, Path dataRoot, ObjectMapper json) throws IOException {
    this.store = store;
    this.json = json;
    this.layers = Files.createDirectories(dataRoot.resolve("images/layers"));
    this.incoming = Files.createDirectories(dataRoot.resolve("images/incoming"));
    byId.putAll(store.list(BUCKET, ImageRecord.class));
  }

  /** Unpacks a rootfs tarball (plain or compressed) and records it as an image tagged {@code repoTag} (may be null). */
  public ImageRecord importTarball(InputStream tarball, String repoTag, ImageConfig config) throws IOException {
    Path tmp = Files.createTempFile(incoming, "import-", ".tar");
    try {
      String digest = copyAndDigest(tarball, tmp);
      Path layer = layers.resolve(digest);
      long size = Files.exists(layer) ? sizeOf(layer) : unpack(tmp, layer);
      String created = Instant.now().toString();
      String id = "sha256:" + sha256((digest + created + json.writeValueAsString(config))
          .getBytes(StandardCharsets.UTF_8));
      ImageRecord image = new ImageRecord(id, repoTag == null ? List.of() : List.of(repoTag), created, digest,
          size, config);
      store.transact(() -> {
        if (repoTag != null) {
          untagOthers(repoTag);
        }
        store.put(BUCKET, id, image);
        store.afterCommit(() -> byId.put(id, image));
      });
      return image;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private void untagOthers(String repoTag) {
    for (ImageRecord other : List.copyOf(byId.values())) {
      if (other.repoTags().contains(repoTag)) {
        List<String> tags = new ArrayList<>(other.repoTags());
        tags.remove(repoTag);
        ImageRecord updated = other.withRepoTags(tags);
        store.put(BUCKET, other.id(), updated);
        store.afterCommit(() -> byId.put(other.id(), updated));
      }
    }
  }

  /** By {@code name[:tag]}, full id, or unique id prefix; 404 "No such image: ref" otherwise. */
  public ImageRecord resolve(String ref) {
    return find(ref).orElseThrow(() -> new NotFoundException("No such image: " + ref));
  }

  public Optional<ImageRecord> find(String ref) {
    if (ref == null || ref.isEmpty()) {
      return Optional.empty();
    }
    ImageRecord exact = byId.get(ref.startsWith("sha256:") ? ref : "sha256:" + ref);
    if (exact != null) {
      return Optional.of(exact);
    }
    String tag = ImageRefs.normalize(ref);
    for (ImageRecord i : byId.values()) {
      if (i.repoTags().contains(tag)) {
        return Optional.of(i);
      }
    }
    String hex = ref.startsWith("sha256:") ? ref.substring(7) : ref;
    if (hex.length() >= 4 && hex.matches("[0-9a-f]+")) {
      List<ImageRecord> matches = byId.values().stream().filter(i -> i.id().startsWith("sha256:" + hex)).toList();
      if (matches.size() == 1) {
        return Optional.of(matches.get(0));
      }
    }
    return Optional.empty();
  }

  public List<ImageRecord> list() {
    return byId.values().stream().sorted((a, b) -> b.created().compareTo(a.created())).toList();
  }

  /** The read-only unpacked layer of an image. */
  public Path rootfs(ImageRecord image) {
    return layers.resolve(image.layer());
  }

  /**
   * Docker's {@code DELETE /images/{name}}: untags when {@code ref} is one of several tags, otherwise deletes.
   * {@code usedBy} names a container using an image id, refusing the delete unless forced.
   */
  public List<Map<String, String>> remove(String ref, boolean force, Function<String, Optional<String>> usedBy) {
    ImageRecord image = resolve(ref);
    String tag = ImageRefs.normalize(ref);
    boolean byTag = image.repoTags().contains(tag);
    List<Map<String, String>> report = new ArrayList<>();
    if (byTag && image.repoTags().size() > 1) {
      List<String> tags = new ArrayList<>(image.repoTags());
      tags.remove(tag);
      ImageRecord updated = image.withRepoTags(tags);
      store.put(BUCKET, image.id(), updated);
      byId.put(image.id(), updated);
      return List.of(Map.of("Untagged", tag));
    }
    Optional<String> user = usedBy.apply(image.id());
    if (user.isPresent() && !force) {
      String what = byTag ? "unable to remove repository reference \"" + ref + "\" (must force)"
          : "unable to delete " + image.id().substring(7, 19) + " (must be forced)";
      throw new ConflictException("conflict: " + what + " - container " + user.get().substring(0, 12)
          + " is using its referenced image " + image.id().substring(7, 19));
    }
    store.delete(BUCKET, image.id());
    byId.remove(image.id());
    image.repoTags().forEach(t -> report.add(Map.of("Untagged", t)));
    report.add(Map.of("Deleted", image.id()));
    boolean layerShared = byId.values().stream().anyMatch(i -> i.layer().equals(image.layer()));
    if (!layerShared && user.isEmpty()) {
      deleteTree(layers.resolve(image.layer()));
    }
    return report;
  }

  /** Docker's {@code POST /images/{name}/tag}: gives the image {@code repoTag}, taking it from any other image. */
  public void tag(String ref, String repoTag) {
    ImageRecord image = resolve(ref);
    if (image.repoTags().contains(repoTag)) {
      return;
    }
    store.transact(() -> {
      untagOthers(repoTag);
      List<String> tags = new ArrayList<>(image.repoTags());
      tags.add(repoTag);
      ImageRecord updated = image.withRepoTags(tags);
      store.put(BUCKET, image.id(), updated);
      store.afterCommit(() -> byId.put(image.id(), updated));
    });
  }

  /**
   * Docker's {@code POST /images/prune}: deletes images no container uses, only untagged ones unless
   * {@code danglingOnly} is false; returns Docker's untagged/deleted report and the bytes freed.
   */
  public Map<String, Object> prune(boolean danglingOnly, Function<String, Optional<String>> usedBy) {
    List<Map<String, String>> report = new ArrayList<>();
    long reclaimed = 0;
    for (ImageRecord image : list()) {
      if ((danglingOnly && !image.repoTags().isEmpty()) || usedBy.apply(image.id()).isPresent()) {
        continue;
      }
      report.addAll(remove(image.id(), false, usedBy));
      if (byId.values().stream().noneMatch(i -> i.layer().equals(image.layer()))) {
        reclaimed += image.size();
      }
    }
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("ImagesDeleted", report.isEmpty() ? null : report);
    out.put("SpaceReclaimed", reclaimed);
    return out;
  }

  private String copyAndDigest(InputStream in, Path target) throws IOException {
    MessageDigest md = newSha256();
    try (var out = Files.newOutputStream(target)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
        out.write(buf, 0, n);
      }
    }
    if (Files.size(target) == 0) {
      throw new InvalidParameterException("image import: empty tarball");
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** Unpacks with GNU tar (owners, modes, devices and links kept; compression detected) into a new layer dir. */
  private long unpack(Path tarball, Path layer) throws IOException {
    Path tmp = Files.createTempDirectory(incoming, "layer-");
    try {
      Process p = new ProcessBuilder("tar", "-x", "--numeric-owner", "-f", tarball.toString(), "-C", tmp.toString())
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new InvalidParameterException("image import: not a valid tar archive: "
            + out.lines().findFirst().orElse("tar failed"));
      }
      long size = sizeOf(tmp);
      Files.move(tmp, layer, StandardCopyOption.ATOMIC_MOVE);
      return size;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InternalException("image import interrupted", e);
    } finally {
      if (Files.exists(tmp)) {
        deleteTree(tmp);
      }
    }
  }

  private static long sizeOf(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      return walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  static void deleteTree(Path dir) {
    try {
      new ProcessBuilder("rm", "-rf", "--one-file-system", dir.toString()).start().waitFor();
    } catch (IOException e) {
      throw new InternalException("cannot delete " + dir + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(newSha256().digest(bytes));
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
