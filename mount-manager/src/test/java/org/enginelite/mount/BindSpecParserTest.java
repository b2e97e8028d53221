package org.enginelite.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BindSpecParserTest {
  @Test
  void parse_namedVolume_isVolumeWithDockerMode() {
    VolumePlan v = (VolumePlan) BindSpecParser.parse("my-vol:/data");
    assertEquals("my-vol", v.name());
    assertEquals("/data", v.target());
    assertFalse(v.anonymous());
    assertFalse(v.readOnly());
    assertEquals("z", v.mode());
  }

  @Test
  void parse_namedVolumeReadOnlyNoCopy_keepsBoth() {
    VolumePlan v = (VolumePlan) BindSpecParser.parse("my-vol:/data/:ro,nocopy");
    assertTrue(v.readOnly());
    assertTrue(v.noCopy());
    assertEquals("/data", v.target());
    assertEquals("ro,nocopy", v.mode());
  }

  @Test
  void parse_pathOnly_isAnonymousVolume() {
    VolumePlan v = (VolumePlan) BindSpecParser.parse("/data");
    assertTrue(v.anonymous());
    assertEquals(64, v.name().length());
  }

  @Test
  void parse_hostPath_isBindCreatingItsSource() {
    BindPlan b = (BindPlan) BindSpecParser.parse("/srv/app/../conf:/etc/app:ro,rshared");
    assertEquals("/srv/conf", b.source());
    assertEquals("/etc/app", b.target());
    assertTrue(b.readOnly());
    assertTrue(b.createSource());
    assertEquals(Propagation.RSHARED, b.propagation());
  }

  @Test
  void parse_bindWithoutPropagation_isRprivate() {
    assertEquals(Propagation.RPRIVATE, ((BindPlan) BindSpecParser.parse("/srv:/srv")).propagation());
  }

  @Test
  void parse_relativeHostPath_failsTheVolumeNameRule() {
    assertEquals("create ./conf: \"./conf\" includes invalid characters for a local volume name, only"
        + " \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host directory, use absolute path",
        message("./conf:/etc/app"));
  }

  @Test
  void parse_relativeTarget_namesIt() {
    assertEquals("invalid volume specification: 'v1:data': invalid mount config for type \"volume\": invalid mount"
        + " path: 'data' mount path must be absolute", message("v1:data"));
  }

  @Test
  void parse_unknownMode_isInvalidMode() {
    assertEquals("invalid mode: rw,zz", message("/a:/b:rw,zz"));
    assertEquals("invalid mode: ro,rw", message("/a:/b:ro,rw"));
  }

  @Test
  void parse_modeWithoutDestination_isInvalidSpec() {
    assertEquals("invalid volume specification: '/data:ro'", message("/data:ro"));
  }

  @Test
  void parse_tooManyColons_isInvalidSpec() {
    assertEquals("invalid volume specification: 'a:/b:ro:x'", message("a:/b:ro:x"));
  }

  @Test
  void parse_rootAsTarget_isRefused() {
    assertTrue(message("/srv:/").contains("destination can't be '/'"));
  }

  @Test
  void parse_propagationOnVolume_isRefused() {
    assertTrue(message("v1:/data:rshared").contains("propagation is only supported for binds"));
  }

  private static String message(String raw) {
    return assertThrows(MountConfigException.class, () -> BindSpecParser.parse(raw)).getMessage();
  }
}
