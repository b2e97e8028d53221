package org.enginelite.ipam;

import org.enginelite.driver.ipam.IpamDriver;
import org.enginelite.driver.state.StateStore;
import org.enginelite.testkit.InMemoryStateStore;
import org.enginelite.testkit.ipam.AbstractIpamDriverContractTest;

class DefaultIpamDriverInMemoryTest extends AbstractIpamDriverContractTest {
  @Override
  protected StateStore newStore() {
    return new InMemoryStateStore();
  }

  @Override
  protected IpamDriver newDriver(StateStore store) {
    return new DefaultIpamDriver(store, DefaultAddressPools.docker(), HostNetworks.none());
  }
}
