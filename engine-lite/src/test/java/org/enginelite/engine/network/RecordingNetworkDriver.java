package org.enginelite.engine.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.enginelite.driver.ConflictException;
import org.enginelite.driver.InternalException;
import org.enginelite.driver.network.EndpointSpec;
import org.enginelite.driver.network.ExternalConnectivity;
import org.enginelite.driver.network.InterfaceInfo;
import org.enginelite.driver.network.JoinInfo;
import org.enginelite.driver.network.JoinSpec;
import org.enginelite.driver.network.NetworkDriver;
import org.enginelite.driver.network.NetworkSpec;
import org.enginelite.driver.network.PortBinding;
import org.enginelite.driver.network.Reconciling;

/**
 * A network driver that keeps its "kernel" in sets, so tests of the engine's bookkeeping can check that every
 * object it asked for was also removed. It can be told to fail the next call of a given method.
 */
final class RecordingNetworkDriver implements NetworkDriver, ExternalConnectivity, Reconciling {
  final Set<String> networks = new HashSet<>();
  final Set<String> endpoints = new HashSet<>();
  final Map<String, String> joined = new HashMap<>();
  final Map<String, List<PortBinding>> published = new HashMap<>();
  final List<String> calls = new ArrayList<>();
  Set<String> reconciledNetworks;
  Set<String> reconciledEndpoints;
  private String failNext;
  private int nextPort = 40000;

  void failNext(String method) {
    failNext = method;
  }

  private void maybeFail(String method) {
    calls.add(method);
    if (method.equals(failNext)) {
      failNext = null;
      throw new InternalException(method + " failed on purpose");
    }
  }

  @Override
  public String name() {
    return "bridge";
  }

  @Override
  public void createNetwork(NetworkSpec spec) {
    maybeFail("createNetwork");
    networks.add(spec.id());
  }

  @Override
  public void deleteNetwork(String networkId) {
    maybeFail("deleteNetwork");
    networks.remove(networkId);
  }

  @Override
  public InterfaceInfo createEndpoint(EndpointSpec spec) {
    maybeFail("createEndpoint");
    endpoints.add(spec.id());
    return new InterfaceInfo(spec.mac(), spec.address(), null);
  }

  @Override
  public JoinInfo join(JoinSpec spec) {
    maybeFail("join");
    joined.put(spec.endpoint().id(), spec.interfaceName().value() + (spec.defaultGateway() ? "+gw" : ""));
    return new JoinInfo(spec.interfaceName(), Optional.empty());
  }

  @Override
  public void leave(String networkId, String endpointId) {
    maybeFail("leave");
    joined.remove(endpointId);
  }

  @Override
  public void deleteEndpoint(String networkId, String endpointId) {
    maybeFail("deleteEndpoint");
    endpoints.remove(endpointId);
  }

  @Override
  public List<PortBinding> programExternalConnectivity(EndpointSpec endpoint, List<PortBinding> bindings) {
    maybeFail("programExternalConnectivity");
    for (PortBinding b : bindings) {
      for (List<PortBinding> other : published.values()) {
        if (other.stream().anyMatch(o -> o.hostPort() == b.hostPort() && o.protocol() == b.protocol())) {
          throw new ConflictException("Bind for 0.0.0.0:" + b.hostPort() + " failed: port is already allocated");
        }
      }
    }
    List<PortBinding> out = bindings.stream().map(b -> b.hostPort() == 0 ? b.withHostPort(nextPort++) : b).toList();
    published.put(endpoint.id(), out);
    return out;
  }

  @Override
  public void revokeExternalConnectivity(String networkId, String endpointId) {
    maybeFail("revokeExternalConnectivity");
    published.remove(endpointId);
  }

  @Override
  public void reconcile(Set<String> knownNetworkIds, Set<String> knownEndpointIds) {
    maybeFail("reconcile");
    reconciledNetworks = Set.copyOf(knownNetworkIds);
    reconciledEndpoints = Set.copyOf(knownEndpointIds);
    networks.retainAll(knownNetworkIds);
    endpoints.retainAll(knownEndpointIds);
  }
}
