package org.coachroom.lti.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.coachroom.access.CoachroomRole;
import org.coachroom.access.CoachroomRoleMapping;
import org.coachroom.lti.PlatformRegistration;
import org.springframework.test.util.ReflectionTestUtils;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Runs the real validator and role mapper on a captured token, without a database. */
public final class MoodleFixtureAccess {

	/** One client for every validation of the run, as the application has one. */
	private static final Map<Boolean, LmsHttp> HTTP = new ConcurrentHashMap<>();

	private MoodleFixtureAccess() {
	}

	public record Validated(String subject, String messageType, Set<CoachroomRole> roles) {
	}

	public static Validated validate(String idToken, String nonce, Clock clock, String issuer, String clientId,
			String deploymentId, String jwksUri) {
		Platform platform = Platform.from(new PlatformRegistration(issuer, clientId, "Lab Moodle",
				issuer + "/mod/lti/auth.php", issuer + "/mod/lti/token.php", jwksUri, "moodle",
				PlatformRegistration.Source.REGISTRATIONS_FILE, List.of(deploymentId), Map.of(), null, List.of()),
				clock.instant());
		ReflectionTestUtils.setField(platform, "id", 1L);
		Platforms platforms = mock(Platforms.class);
		when(platforms.findById(anyLong())).thenReturn(Optional.of(platform));
		Deployments deployments = mock(Deployments.class);
		when(deployments.findByPlatformAndDeploymentId(anyLong(), eq(deploymentId)))
			.thenReturn(Optional.of(Deployment.of(1L, deploymentId, clock.instant())));
		LoginStates states = mock(LoginStates.class);
		// the key set is served by WireMock on this machine
		LtiProperties properties = TestLtiProperties.of(Map.of("coachroom.lti.allow-private-network", "true"));
		IdTokenValidator validator = new IdTokenValidator(
				new PlatformKeys(properties, HTTP.computeIfAbsent(true, k -> new LmsHttp(properties))),
				new PlatformDirectory(platforms, deployments, clock), clock, properties, states);
		var pending = new LoginStates.Pending("state", nonce, 1L, "browser", clock.instant().plusSeconds(600), null);
		var valid = validator.validate(idToken, pending);
		Set<CoachroomRole> roles = CoachroomRole.of(new RoleMapper(new CoachroomRoleMapping()).map(platform,
				RoleMapper.rolesOf(valid.claims().getClaim("https://purl.imsglobal.org/spec/lti/claim/roles")),
				Map.of()));
		return new Validated(valid.claims().getSubject(),
				IdTokenValidator.string(valid.claims(), "https://purl.imsglobal.org/spec/lti/claim/message_type"),
				roles);
	}

}
