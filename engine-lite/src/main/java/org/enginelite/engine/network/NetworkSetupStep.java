package org.enginelite.engine.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.enginelite.dns.files.ContainerDns;
import org.enginelite.dns.files.ContainerFiles;
import org.enginelite.dns.files.HostsFile;
import org.enginelite.dns.files.ResolvConf;
import org.enginelite.driver.ipam.Ipv4Address;
import org.enginelite.engine.spi.ContainerContext;
import org.enginelite.engine.spi.ContainerSetupStep;

/**
 * The container setup step of networking: endpoints and leases at create, interfaces, published ports and the
 * /etc files at start, and NetworkSettings for inspect at every change.
 */
public final class NetworkSetupStep implements ContainerSetupStep {
  private final ContainerNetworking networking;
  private final NetworkSettingsView view;
  private final LoopbackUp loopback;
  private final ObjectMapper json;

  public NetworkSetupStep(ContainerNetworking networking, NetworkSettingsView view, LoopbackUp loopback,
      ObjectMapper json) {
    this.networking = networking;
    this.view = view;
    this.loopback = loopback;
    this.json = json;
  }

  static ContainerNetworkConfig config(ContainerContext c) {
    return ContainerNetworkConfig.parse(c.createRequest(), c.hostConfig(), c.networkingConfig());
  }

  static ContainerHandle handle(ContainerContext c) {
    return new ContainerHandle(c.id(), c.name(), config(c), c.netnsPath());
  }

  @Override
  public void validate(ContainerContext c) {
    ContainerHandle h = handle(c);
    if (h.config().mode() == ContainerNetworkConfig.Mode.CONTAINER) {
      ContainerNetworkConfig.checkJoinable(c.createRequest(), c.hostConfig());
    }
    networking.validate(h);
  }

  @Override
  public void create(ContainerContext c) {
    networking.create(handle(c));
    publishSettings(c, false);
  }

  @Override
  public void start(ContainerContext c) {
    ContainerHandle h = handle(c);
    switch (h.config().mode()) {
      case HOST -> writeHostModeFiles(c);
      case CONTAINER -> {
        // The engine runs the process in the joined container's namespace with its /etc files.
      }
      case NONE -> {
        loopback.up(c.netnsPath());
        writeEtcFiles(c, List.of(), false);
      }
      default -> {
        networking.start(h);
        List<EndpointRecord> endpoints = networking.endpointsOf(c.id());
        boolean embeddedDns = endpoints.stream().anyMatch(networking::onUserDefinedNetwork);
        List<String> ips = new ArrayList<>();
        endpoints.stream().findFirst().ifPresent(e -> ips.add(e.ip()));
        writeEtcFiles(c, ips, embeddedDns);
      }
    }
    publishSettings(c, true);
  }

  @Override
  public void stopped(ContainerContext c) {
    networking.stopped(c.id());
    publishSettings(c, false);
  }

  @Override
  public void reattach(ContainerContext c) {
    networking.reattach(handle(c));
    publishSettings(c, true);
  }

  @Override
  public void remove(ContainerContext c, boolean removeVolumes) {
    networking.remove(c.id());
  }

  /** Writes NetworkSettings into the container's inspect and list entries. */
  void publishSettings(ContainerContext c, boolean running) {
    NetworkSettingsView.Views views = view.all(c.id(), config(c), running, c.netnsPath().toString());
    c.putInspectField("NetworkSettings", json.valueToTree(views.inspect()));
    c.putSummaryField("NetworkSettings", json.valueToTree(views.summary()));
    c.putSummaryField("Ports", json.valueToTree(views.ports()));
  }

  /**
   * /etc/hostname, /etc/hosts and /etc/resolv.conf before the process starts (rendered by the dns module as
   * Docker renders them): the embedded DNS on user-defined networks, the host's resolvers on the default bridge.
   */
  private static void writeEtcFiles(ContainerContext c, List<String> ips, boolean embeddedDns) {
    String hostname = text(c.createRequest().path("Hostname"));
    hostname = hostname.isEmpty() ? c.shortId() : hostname;
    String domainname = text(c.createRequest().path("Domainname"));
    List<HostsFile.ExtraHost> extra = strings(c.hostConfig().path("ExtraHosts")).stream()
        .map(HostsFile.ExtraHost::parse).toList();
    ContainerDns own = new ContainerDns(strings(c.hostConfig().path("Dns")),
        strings(c.hostConfig().path("DnsSearch")), strings(c.hostConfig().path("DnsOptions")));
    ResolvConf host = ResolvConf.host();
    ContainerFiles.writeAtomically(c.containerDir().resolve("hostname"), hostname + "\n");
    ContainerFiles.writeAtomically(c.containerDir().resolve("hosts"), HostsFile.render(hostname,
        Optional.of(domainname), ips.stream().map(Ipv4Address::parse).toList(), extra));
    ContainerFiles.writeAtomically(c.containerDir().resolve("resolv.conf"),
        embeddedDns ? host.renderForEmbeddedDns(own) : host.renderForDefaultBridge(own));
  }

  /** Host mode shares the host's namespace, so the host's own files apply, as in Docker. */
  private static void writeHostModeFiles(ContainerContext c) {
    copy(Path.of("/etc/hosts"), c.containerDir().resolve("hosts"));
    copy(Path.of("/etc/hostname"), c.containerDir().resolve("hostname"));
    copy(ResolvConf.HOST_FILE, c.containerDir().resolve("resolv.conf"));
  }

  private static void copy(Path from, Path to) {
    try {
      ContainerFiles.writeAtomically(to, Files.isRegularFile(from) ? Files.readString(from) : "");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + from, e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static String text(JsonNode n) {
    return n.isTextual() ? n.asText() : "";
  }
}
