package org.enginelite.cli.command.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.enginelite.cli.ApiCommand;
import org.enginelite.cli.flags.KeyValues;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code network create [OPTIONS] NETWORK}: POST /networks/create, prints the new network's id. */
@Command(name = "create", description = "Create a network")
public final class NetworkCreateCommand extends ApiCommand {

  @Option(names = {"-d", "--driver"}, description = "Driver to manage the Network (default \"bridge\")")
  String driver = "bridge";

  @Option(names = "--subnet", description = "Subnet in CIDR format that represents a network segment")
  List<String> subnets = new ArrayList<>();

  @Option(names = "--gateway", description = "IPv4 or IPv6 Gateway for the master subnet")
  List<String> gateways = new ArrayList<>();

  @Option(names = "--ip-range", description = "Allocate container ip from a sub-range")
  List<String> ipRanges = new ArrayList<>();

  @Option(names = "--aux-address", description = "Auxiliary IPv4 or IPv6 addresses used by Network driver")
  List<String> auxAddresses = new ArrayList<>();

  @Option(names = "--ipam-driver", description = "IP Address Management Driver (default \"default\")")
  String ipamDriver = "default";

  @Option(names = "--ipam-opt", description = "Set IPAM driver specific options")
  List<String> ipamOpts = new ArrayList<>();

  @Option(names = "--internal", description = "Restrict external access to the network")
  boolean internal;

  @Option(names = "--attachable", description = "Enable manual container attachment")
  boolean attachable;

  @Option(names = "--ipv6", description = "Enable IPv6 networking")
  boolean ipv6;

  @Option(names = "--label", description = "Set metadata on a network")
  List<String> labels = new ArrayList<>();

  @Option(names = {"-o", "--opt"}, description = "Set driver specific options")
  List<String> opts = new ArrayList<>();

  @Parameters(index = "0", paramLabel = "NETWORK")
  String name;

  @Override
  protected int run() {
    out().println(client().post("/networks/create", body()).path("Id").asText());
    return 0;
  }

  Map<String, Object> body() {
    Map<String, Object> ipam = new LinkedHashMap<>();
    ipam.put("Driver", ipamDriver);
    ipam.put("Options", KeyValues.parse(ipamOpts));
    ipam.put("Config", IpamConfigs.consolidate(subnets, ipRanges, gateways,
        KeyValues.parseStrict(auxAddresses, "--aux-address")));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Name", name);
    body.put("CheckDuplicate", true);
    body.put("Driver", driver);
    body.put("IPAM", ipam);
    body.put("Internal", internal);
    body.put("Attachable", attachable);
    body.put("Ingress", false);
    body.put("EnableIPv6", ipv6);
    body.put("Options", KeyValues.parse(opts));
    body.put("Labels", KeyValues.parse(labels));
    return body;
  }
}
