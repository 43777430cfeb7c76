package org.coachroom.lti.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.coachroom.access.CoachroomRoleMapping;
import org.coachroom.lti.PlatformRegistration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrationsFileTests {

	final RegistrationsFile file = new RegistrationsFile(null, JsonMapper.builder().build(), null,
			new CoachroomRoleMapping());

	@Test
	void readsTheDocumentedExample() {
		List<PlatformRegistration> platforms = file.read(Path.of("lti-config/registrations.example.json"));
		assertThat(platforms).isNotEmpty();
		assertThat(platforms).allSatisfy(p -> {
			assertThat(p.deploymentIds()).isNotEmpty();
			assertThat(p.source()).isEqualTo(PlatformRegistration.Source.REGISTRATIONS_FILE);
		});
		assertThat(platforms).anySatisfy(p -> assertThat(p.roleRules()).isNotEmpty());
	}

	@Test
	void readsRoleRulesAndFrameOrigins(@TempDir Path dir) throws Exception {
		Path json = dir.resolve("registrations.json");
		Files.writeString(json,
				"""
						{"platforms": [{"issuer": "https://canvas.instructure.com", "client_id": "10000000000042",
						  "authorization_endpoint": "https://sso.canvaslms.com/api/lti/authorize_redirect",
						  "jwks_uri": "https://sso.canvaslms.com/api/lti/security/jwks", "deployment_ids": ["7:abc"],
						  "role_rules": {"http://purl.imsglobal.org/vocab/lis/v2/institution/person#Staff": ["HR", "Principal"]},
						  "frame_origins": ["https://district.instructure.com"]}]}""");
		PlatformRegistration canvas = file.read(json).get(0);
		assertThat(canvas.roleRules().get("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Staff"))
			.containsExactlyInAnyOrder("HR", "PRINCIPAL");
		assertThat(canvas.frameOrigins()).containsExactly("https://district.instructure.com");
		assertThat(canvas.name()).isEqualTo("https://canvas.instructure.com");
	}

	@Test
	void aBrokenFileStopsTheStartSayingWhere(@TempDir Path dir) throws Exception {
		Path json = dir.resolve("registrations.json");
		Files.writeString(json, "{\"platforms\": [{\"issuer\": \"https://lms.example\"}]}");
		assertThatThrownBy(() -> file.read(json)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("platforms[0]")
			.hasMessageContaining("client_id");
		Files.writeString(json, "{ not json");
		assertThatThrownBy(() -> file.read(json)).hasMessageContaining(json.toString());
	}

	@Test
	void anUnknownRoleNameIsAnError(@TempDir Path dir) throws Exception {
		Path json = dir.resolve("registrations.json");
		Files.writeString(json,
				"""
						{"platforms": [{"issuer": "https://lms.example", "client_id": "c", "authorization_endpoint": "https://lms.example/a",
						  "jwks_uri": "https://lms.example/k", "deployment_ids": ["1"], "role_rules": {"x": ["Superintendent"]}}]}""");
		assertThatThrownBy(() -> file.read(json)).hasMessageContaining("Superintendent");
	}

	@Test
	void aPlatformWithoutDeploymentsIsAnError(@TempDir Path dir) throws Exception {
		Path json = dir.resolve("registrations.json");
		Files.writeString(json,
				"""
						{"platforms": [{"issuer": "https://lms.example", "client_id": "c", "authorization_endpoint": "https://lms.example/a",
						  "jwks_uri": "https://lms.example/k"}]}""");
		assertThatThrownBy(() -> file.read(json)).hasMessageContaining("deployment_ids");
	}

}
