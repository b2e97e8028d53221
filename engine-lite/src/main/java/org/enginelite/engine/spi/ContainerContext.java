package org.enginelite.engine.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.enginelite.driver.state.StateStore;

/**
 * What a {@link ContainerSetupStep} sees of one container. The create request is Docker's JSON as sent by the
 * client ({@code Config} fields at the top level, {@code HostConfig}, {@code NetworkingConfig}); treat it as
 * read-only. Paths exist from the phase noted on each method on.
 */
public interface ContainerContext {

  /** The full 64-hex id. */
  String id();

  /** The first 12 hex digits: the default hostname and the suffix of kernel names. */
  default String shortId() {
    return id().substring(0, 12);
  }

  /** The name without Docker's leading slash. */
  String name();

  /** The whole create request as received (Docker's ContainerCreateRequest). */
  ObjectNode createRequest();

  /** {@code HostConfig} of the request, never null (empty when absent). */
  ObjectNode hostConfig();

  /** {@code NetworkingConfig} of the request, never null (empty when absent). */
  ObjectNode networkingConfig();

  /** {@code Labels} of the request, never null. */
  Map<String, String> labels();

  StateStore store();

  /** The pinned network namespace file ({@code <exec-root>/netns/el-<id12>}); exists from start on. */
  Path netnsPath();

  /** The OCI bundle directory under the exec-root; exists from start on. */
  Path bundleDir();

  /** The container's merged rootfs (overlay of the image and the container's upper dir); mounted from start on. */
  Path rootfs();

  /** The image's read-only unpacked layer. */
  Path imageRootfs();

  /**
   * The container's directory under the data-root. It holds {@code hosts}, {@code hostname} and
   * {@code resolv.conf}, bind-mounted onto the container's /etc files: edit them in {@link ContainerSetupStep#start}.
   */
  Path containerDir();

  /** The process id of the container's init as seen from the host, 0 when not running. */
  int pid();

  /** Adds a mount to the OCI spec; only during {@link ContainerSetupStep#start}. */
  void addMount(OciMount mount);

  /** Adds {@code KEY=value} to the process environment; only during {@link ContainerSetupStep#start}. */
  void addEnv(String keyValue);

  /**
   * Sets a top-level field of {@code /containers/{id}/json} ("NetworkSettings", "Mounts"); kept in the
   * container's record, so it survives restarts. Contributions to the list entry of {@code /containers/json}
   * use {@link #putSummaryField}.
   */
  void putInspectField(String field, JsonNode value);

  /** Sets a top-level field of the container's {@code /containers/json} entry ("NetworkSettings", "Mounts", "Ports"). */
  void putSummaryField(String field, JsonNode value);

  /** The value set by {@link #putInspectField}, or null. */
  JsonNode inspectField(String field);
}
