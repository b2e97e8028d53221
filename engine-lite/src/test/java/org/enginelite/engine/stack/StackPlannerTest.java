package org.enginelite.engine.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.enginelite.driver.InvalidParameterException;
import org.enginelite.driver.NotFoundException;
import org.enginelite.engine.service.NetworkAttachment;
import org.enginelite.engine.service.ServiceMount;
import org.enginelite.engine.service.ServiceMount.Type;
import org.enginelite.engine.service.ServiceSpec;
import org.junit.jupiter.api.Test;

class StackPlannerTest {

  private final StackPlanner planner = new StackPlanner(StackPlanner.DOCKER_DEFAULT_DRIVER);

  private static ComposeFile shipped() throws IOException {
    return ComposeFile.parse("docker-compose.yml", Files.readString(SeedsComposeFileTest.shippedFile()), Map.of(),
        SeedsComposeFileTest.shippedFile().getParent());
  }

  private static ServiceSpec service(StackResources r, String name) {
    return r.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void plan_seedsFile_dockerNamesAndLabels() throws IOException {
    StackResources r = planner.plan("getstartedlab", shipped());
    assertEquals(List.of("getstartedlab_webnet"), r.networks().stream().map(StackNetwork::name).toList());
    assertEquals(new StackNetwork("getstartedlab_webnet", "overlay", Map.of(),
        Map.of(StackPlanner.NAMESPACE_LABEL, "getstartedlab"), false, false, List.of(), false), r.networks().get(0));
    assertEquals(List.of(new StackVolume("getstartedlab_redis-data", "local", Map.of(),
        Map.of(StackPlanner.NAMESPACE_LABEL, "getstartedlab"), false)), r.volumes());
    assertEquals(List.of("getstartedlab_web", "getstartedlab_redis"),
        r.services().stream().map(ServiceSpec::name).toList());

    ServiceSpec web = service(r, "getstartedlab_web");
    assertEquals(5, web.replicas());
    assertEquals(List.of(new NetworkAttachment("getstartedlab_webnet", List.of("web"))), web.networks());
    assertEquals("getstartedlab", web.labels().get(StackPlanner.NAMESPACE_LABEL));
    assertEquals(web.image(), web.labels().get(StackPlanner.IMAGE_LABEL));
    assertEquals(100_000_000L, web.limits().nanoCpus());

    ServiceSpec redis = service(r, "getstartedlab_redis");
    assertEquals(List.of(new ServiceMount(Type.VOLUME, "getstartedlab_redis-data", "/data", false)),
        redis.mounts());
    assertEquals(List.of(new NetworkAttachment("getstartedlab_webnet", List.of("redis"))), redis.networks());
    assertTrue(redis.schedulable());
  }

  @Test
  void plan_serviceWithoutNetworks_joinsStackDefaultNetwork() {
    ComposeFile f = ComposeFileTest.parse("services:\n  a:\n    image: x\n  b:\n    image: x\n    networks: [n]\n"
        + "networks:\n  n:\n    driver: bridge\n");
    StackResources r = planner.plan("s", f);
    assertEquals(List.of("s_n", "s_default"), r.networks().stream().map(StackNetwork::name).toList());
    assertEquals("overlay", r.networks().get(1).driver());
    assertEquals("bridge", r.networks().get(0).driver());
    assertEquals(List.of(new NetworkAttachment("s_default", List.of("a"))), service(r, "s_a").networks());
  }

  @Test
  void plan_everyServiceHasNetworks_noDefaultNetwork() {
    ComposeFile f = ComposeFileTest.parse("services:\n  a:\n    image: x\n    networks: [n]\nnetworks:\n  n:\n");
    assertEquals(List.of("s_n"), planner.plan("s", f).networks().stream().map(StackNetwork::name).toList());
  }

  @Test
  void plan_explicitAndExternalNames_keptAsIs() {
    ComposeFile f = ComposeFileTest.parse("services:\n  a:\n    image: x\n    networks: [ext, named]\n"
        + "    volumes: [\"shared:/s\", \"own:/o\"]\nnetworks:\n  ext:\n    external: true\n  named:\n"
        + "    name: exactly-this\nvolumes:\n  shared:\n    external: true\n    name: team-data\n  own:\n");
    StackResources r = planner.plan("s", f);
    assertEquals(List.of("ext", "exactly-this"), r.networks().stream().map(StackNetwork::name).toList());
    assertEquals(List.of("team-data", "s_own"), r.volumes().stream().map(StackVolume::name).toList());
    assertEquals(List.of("team-data", "s_own"),
        service(r, "s_a").mounts().stream().map(ServiceMount::source).toList());
  }

  @Test
  void plan_badStackName_rejected() throws IOException {
    ComposeFile f = shipped();
    var e = assertThrows(InvalidParameterException.class, () -> planner.plan("-bad", f));
    assertEquals("invalid stack name \"-bad\": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed", e.getMessage());
  }

  @Test
  void diff_firstDeploy_createsEverythingInOrder() throws IOException {
    StackResources desired = planner.plan("getstartedlab", shipped());
    StackDiff d = planner.diff(desired, StackResources.EMPTY, false);
    assertEquals(List.of(
        "Creating network getstartedlab_webnet",
        "Creating volume getstartedlab_redis-data",
        "Creating service getstartedlab_web",
        "Creating service getstartedlab_redis"), d.messages());
  }

  @Test
  void diff_sameFileAgain_nothingToDo() throws IOException {
    StackResources desired = planner.plan("getstartedlab", shipped());
    assertTrue(planner.diff(desired, planner.plan("getstartedlab", shipped()), true).isEmpty());
  }

  @Test
  void diff_editedFile_updatesOnlyTheChangedService() throws IOException {
    StackResources current = planner.plan("getstartedlab", shipped());
    String edited = Files.readString(SeedsComposeFileTest.shippedFile()).replace("replicas: 5", "replicas: 7");
    StackResources desired = planner.plan("getstartedlab",
        ComposeFile.parse("docker-compose.yml", edited, Map.of(), SeedsComposeFileTest.shippedFile().getParent()));
    StackDiff d = planner.diff(desired, current, false);
    assertEquals(List.of("Updating service getstartedlab_web"), d.messages());
    assertEquals(7, d.updateServices().get(0).replicas());
  }

  @Test
  void diff_serviceDroppedFromFile_removedOnlyWithPrune() throws IOException {
    StackResources current = planner.plan("getstartedlab", shipped());
    StackResources desired = new StackResources(current.networks(), current.volumes(),
        List.of(current.services().get(0)));
    assertTrue(planner.diff(desired, current, false).isEmpty());
    assertEquals(List.of("getstartedlab_redis"), planner.diff(desired, current, true).removeServices());
  }

  @Test
  void diff_externalNetworkMissing_notFound() {
    ComposeFile f = ComposeFileTest.parse("services:\n  a:\n    image: x\n    networks: [ext]\nnetworks:\n  ext:\n"
        + "    external: true\n");
    StackResources desired = planner.plan("s", f);
    var e = assertThrows(NotFoundException.class, () -> planner.diff(desired, StackResources.EMPTY, false));
    assertTrue(e.getMessage().startsWith("network \"ext\" is declared as external, but could not be found."));
    StackResources withExt = new StackResources(desired.networks(), List.of(), List.of());
    assertEquals(List.of("Creating service s_a"), planner.diff(desired, withExt, false).messages());
  }

  @Test
  void removal_servicesAndNetworksButNotVolumes() throws IOException {
    StackDiff d = planner.removal(planner.plan("getstartedlab", shipped()));
    assertEquals(List.of("Removing service getstartedlab_web", "Removing service getstartedlab_redis",
        "Removing network getstartedlab_webnet"), d.messages());
  }
}
