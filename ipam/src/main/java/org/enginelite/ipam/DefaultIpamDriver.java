package org.enginelite.ipam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.enginelite.driver.ForbiddenException;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.driver.UnavailableException;
import org.enginelite.driver.ipam.IpamDriver;
import org.enginelite.driver.ipam.Ipv4Address;
import org.enginelite.driver.ipam.Ipv4Cidr;
import org.enginelite.driver.ipam.Pool;
import org.enginelite.driver.ipam.PoolRequest;
import org.enginelite.driver.state.StateStore;

/**
 * IPAM on the engine's state store, one local address space. A pool is one record (bucket {@value #POOLS},
 * keyed by subnet) holding a cursor and a small free set; each leased address is one record (bucket
 * {@value #LEASES}). Every call runs in a store transaction, joining the caller's, so leases commit with the
 * endpoints holding them.
 */
public final class DefaultIpamDriver implements IpamDriver {
  static final String POOLS = "ipam.pool";
  static final String LEASES = "ipam.lease";
  static final String OVERLAP = "Pool overlaps with other one on this address space";

  private final StateStore store;
  private final DefaultAddressPools defaults;
  private final HostNetworks host;
  /** Parsed pools by definition: the hot path reads a pool record per call and need not re-parse its text. */
  private final Map<PoolState, Pool> parsed = new ConcurrentHashMap<>();

  public DefaultIpamDriver(StateStore store, DefaultAddressPools defaults, HostNetworks host) {
    this.store = store;
    this.defaults = defaults;
    this.host = host;
  }

  @Override
  public Pool requestPool(PoolRequest request) {
    return store.transact(() -> {
      List<Ipv4Cidr> pools = new ArrayList<>();
      store.list(POOLS, PoolState.class).values().forEach(p -> pools.add(Ipv4Cidr.parse(p.subnet())));
      Ipv4Cidr subnet;
      if (request.subnet().isPresent()) {
        subnet = request.subnet().get();
        if (pools.stream().anyMatch(subnet::overlaps)) {
          throw new ForbiddenException(OVERLAP);
        }
      } else {
        List<Ipv4Cidr> inUse = new ArrayList<>(pools);
        host.inUse().forEach(c -> inUse.add(c.network()));
        subnet = DefaultPoolPicker.pick(defaults, inUse);
      }
      Ipv4Address gateway = request.gateway().orElseGet(() -> defaultGateway(subnet));
      if (subnet.prefixLength() < 31 && (gateway.equals(subnet.first()) || gateway.equals(subnet.last()))) {
        throw new InvalidParameterException("invalid gateway address " + gateway
            + ": it is the network or broadcast address of subnet " + subnet);
      }
      PoolState state = PoolState.of(request.networkId(), subnet, request.ipRange().orElse(subnet), gateway,
          request.auxAddresses());
      if (!store.putIfAbsent(POOLS, state.id(), state)) {
        throw new ForbiddenException(OVERLAP);
      }
      return state.pool();
    });
  }

  /** Docker's default gateway: the first host address of the subnet. */
  private static Ipv4Address defaultGateway(Ipv4Cidr subnet) {
    return subnet.prefixLength() >= 31 ? subnet.first() : subnet.first().plus(1);
  }

  @Override
  public void releasePool(String poolId) {
    store.transact(() -> {
      for (String key : store.listByPrefix(LEASES, Lease.prefix(poolId), Lease.class).keySet()) {
        store.delete(LEASES, key);
      }
      store.get(POOLS, poolId, PoolState.class).ifPresent(p -> parsed.remove(p.definition()));
      store.delete(POOLS, poolId);
    });
  }

  @Override
  public Optional<Pool> pool(String poolId) {
    return store.get(POOLS, poolId, PoolState.class).map(this::parse);
  }

  @Override
  public Ipv4Address requestAddress(String poolId, Optional<Ipv4Address> preferred) {
    return store.transact(() -> {
      PoolState state = store.get(POOLS, poolId, PoolState.class)
          .orElseThrow(() -> new NotFoundException("IPAM pool " + poolId + " not found"));
      Pool pool = parse(state);
      return preferred.isPresent() ? leaseStatic(state, pool, preferred.get()) : leaseNext(state, pool);
    });
  }

  private Ipv4Address leaseStatic(PoolState state, Pool pool, Ipv4Address a) {
    if (!pool.subnet().contains(a)) {
      throw new InvalidParameterException(
          "Invalid address " + a + ": It does not belong to any of this network's subnets");
    }
    if (PoolState.reserved(pool, a) || (state.belowCursor(pool, a) && !state.isFree(pool, a))
        || !store.putIfAbsent(LEASES, Lease.key(pool.id(), a.toString()), new Lease(pool.id(), a.toString()))) {
      throw new ForbiddenException("Address already in use: " + a);
    }
    if (state.belowCursor(pool, a)) {
      store.put(POOLS, pool.id(), state.claim(pool, a));
    }
    return a;
  }

  private Ipv4Address leaseNext(PoolState state, Pool pool) {
    PoolState.Taken taken = state.next(pool, a -> store.get(LEASES, Lease.key(pool.id(), a.toString()), Lease.class).isPresent())
        .orElseThrow(() -> new UnavailableException(
            "no available IPv4 addresses on this network's address pools: " + pool.networkId()));
    String a = taken.address().toString();
    store.put(LEASES, Lease.key(pool.id(), a), new Lease(pool.id(), a));
    store.put(POOLS, pool.id(), taken.state());
    return taken.address();
  }

  private Pool parse(PoolState state) {
    return parsed.computeIfAbsent(state.definition(), PoolState::pool);
  }

  @Override
  public void releaseAddress(String poolId, Ipv4Address address) {
    store.transact(() -> {
      if (!store.delete(LEASES, Lease.key(poolId, address.toString()))) {
        return;
      }
      store.get(POOLS, poolId, PoolState.class).ifPresent(state -> {
        Pool pool = parse(state);
        PoolState after = state.release(pool, address);
        if (after != state) {
          store.put(POOLS, poolId, after);
        }
      });
    });
  }
}
