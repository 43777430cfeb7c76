package org.coachroom.lti.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.coachroom.lti.CoachroomRole;
import org.coachroom.lti.PlatformRegistration;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Runs the real validator and role mapper on a captured token, without a database. */
public final class MoodleFixtureAccess {

	private MoodleFixtureAccess() {
	}

	public record Validated(String subject, String messageType, Set<CoachroomRole> roles) {
	}

	public static Validated validate(String idToken, String nonce, Clock clock, String issuer, String clientId,
			String deploymentId, String jwksUri) {
		Platform platform = Platform.from(new PlatformRegistration(issuer, clientId, "Lab Moodle", issuer + "/mod/lti/auth.php",
				issuer + "/mod/lti/token.php", jwksUri, "moodle", PlatformRegistration.Source.REGISTRATIONS_FILE,
				List.of(deploymentId), Map.of(), null, List.of()), clock.instant());
		org.springframework.test.util.ReflectionTestUtils.setField(platform, "id", 1L);
		Platforms platforms = mock(Platforms.class);
		when(platforms.findById(anyLong())).thenReturn(Optional.of(platform));
		Deployments deployments = mock(Deployments.class);
		when(deployments.findByPlatformAndDeploymentId(anyLong(), eq(deploymentId)))
			.thenReturn(Optional.of(Deployment.of(1L, deploymentId, clock.instant())));
		LoginStates states = mock(LoginStates.class);
		LtiProperties properties = new LtiProperties(null, java.time.Duration.ofSeconds(10), java.time.Duration.ofMinutes(10),
				java.time.Duration.ofHours(8), 65536, "none", new LtiProperties.Jwks(java.time.Duration.ofMinutes(15),
						java.time.Duration.ofSeconds(30), 262144),
				new LtiProperties.Keys(java.time.Duration.ofDays(90), java.time.Duration.ofDays(2), java.time.Duration.ofDays(14), null,
						"target/test-tool-key-encryption.key"),
				java.time.Duration.ofSeconds(10), List.of(), false);
		IdTokenValidator validator = new IdTokenValidator(new PlatformKeys(properties),
				new PlatformDirectory(platforms, deployments, clock), clock, properties, states);
		var pending = new LoginStates.Pending("state", nonce, 1L, "browser", clock.instant().plusSeconds(600), null);
		var valid = validator.validate(idToken, pending);
		Set<CoachroomRole> roles = new RoleMapper().map(platform,
				RoleMapper.rolesOf(valid.claims().getClaim("https://purl.imsglobal.org/spec/lti/claim/roles")),
				Map.of());
		return new Validated(valid.claims().getSubject(),
				IdTokenValidator.string(valid.claims(), "https://purl.imsglobal.org/spec/lti/claim/message_type"), roles);
	}
}
