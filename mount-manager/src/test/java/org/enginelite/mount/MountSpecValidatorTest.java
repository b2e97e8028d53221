package org.enginelite.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountSpecValidatorTest {
  @TempDir Path dir;

  @Test
  void bind_existingSource_isBindThatDoesNotCreate() {
    BindPlan b = (BindPlan) MountSpecValidator.validate(
        new MountSpec("bind", dir.toString(), "/app", true, new MountSpec.BindOptions("rslave", false), null, null));
    assertEquals(dir.toString(), b.source());
    assertEquals(Propagation.RSLAVE, b.propagation());
    assertFalse(b.createSource());
    assertTrue(b.readOnly());
  }

  @Test
  void bind_missingSource_isDockersError() {
    assertEquals("invalid mount config for type \"bind\": bind source path does not exist: /x/nope",
        message(new MountSpec("bind", "/x/nope", "/app", false, null, null, null)));
  }

  @Test
  void bind_noSource_isMissingField() {
    assertEquals("invalid mount config for type \"bind\": field Source must not be empty",
        message(new MountSpec("bind", "", "/app", false, null, null, null)));
  }

  @Test
  void bind_relativeSource_mustBeAbsolute() {
    assertEquals("invalid mount config for type \"bind\": invalid mount path: 'rel' mount path must be absolute",
        message(new MountSpec("bind", "rel", "/app", false, null, null, null)));
  }

  @Test
  void bind_volumeOptions_areRefused() {
    assertEquals("invalid mount config for type \"bind\": field VolumeOptions must not be specified",
        message(new MountSpec("bind", dir.toString(), "/app", false, null,
            new MountSpec.VolumeOptions(true, null, null, null), null)));
  }

  @Test
  void unknownType_isReportedAsGiven() {
    assertEquals("invalid mount config for type \"nfs\": mount type unknown",
        message(new MountSpec("nfs", "x", "/app", false, null, null, null)));
  }

  @Test
  void volume_withOptions_carriesDriverOptionsAndLabels() {
    VolumePlan v = (VolumePlan) MountSpecValidator.validate(new MountSpec("volume", "v1", "/data", false, null,
        new MountSpec.VolumeOptions(true, Map.of("a", "b"), "local", Map.of("type", "tmpfs")), null));
    assertTrue(v.noCopy());
    assertEquals(Map.of("a", "b"), v.labels());
    assertEquals(Map.of("type", "tmpfs"), v.driverOptions());
    assertEquals("", v.mode());
  }

  @Test
  void volume_withoutSource_isAnonymous() {
    assertTrue(((VolumePlan) MountSpecValidator.validate(
        new MountSpec("volume", "", "/data", false, null, null, null))).anonymous());
  }

  @Test
  void volume_invalidName_isRefused() {
    assertTrue(message(new MountSpec("volume", "../x", "/data", false, null, null, null))
        .startsWith("create ../x: \"../x\" includes invalid characters"));
  }

  @Test
  void volume_noTarget_isMissingField() {
    assertEquals("invalid mount config for type \"volume\": field Target must not be empty",
        message(new MountSpec("volume", "v1", "", false, null, null, null)));
  }

  @Test
  void tmpfs_sizeAndMode_becomeMountOptions() {
    TmpfsPlan t = (TmpfsPlan) MountSpecValidator.validate(new MountSpec("tmpfs", "", "/scratch", false, null, null,
        new MountSpec.TmpfsOptions(64L << 20, 0700)));
    assertEquals(List.of("noexec", "nosuid", "nodev", "size=65536k", "mode=700"), t.options());
    assertTrue(t.fromMountsApi());
  }

  @Test
  void tmpfs_withSource_isRefused() {
    assertEquals("invalid mount config for type \"tmpfs\": field Source must not be specified",
        message(new MountSpec("tmpfs", "x", "/t", false, null, null, null)));
  }

  private static String message(MountSpec spec) {
    return assertThrows(MountConfigException.class, () -> MountSpecValidator.validate(spec)).getMessage();
  }
}
