package org.coachroom.testsupport;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.coachroom.access.CoachroomRole;
import org.coachroom.lti.CourseContext;
import org.coachroom.lti.LaunchDetails;
import org.coachroom.lti.Member;
import org.coachroom.shared.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Real launches of people into courses from a test platform, for tests of feature
 * modules: returns the signed-in browser, and the {@link Member} the app sees, read back
 * from the rows the launch wrote.
 */
public final class Launcher {

	private final String appBase;

	private final TestPlatform platform;

	private final JdbcClient jdbc;

	private final String locale;

	public Launcher(int port, TestPlatform platform, JdbcClient jdbc) {
		this("http://localhost:" + port, platform, jdbc, "en");
	}

	private Launcher(String appBase, TestPlatform platform, JdbcClient jdbc, String locale) {
		this.appBase = appBase;
		this.platform = platform;
		this.jdbc = jdbc;
		this.locale = locale;
	}

	/** Launches from an LMS set to this language ({@code launch_presentation.locale}). */
	public Launcher inLanguage(String locale) {
		return new Launcher(appBase, platform, jdbc, locale);
	}

	/** A person launched into a course. */
	public record Launched(LaunchClient browser, Member member) {
	}

	public Launched launch(String sub, String name, String ltiRole, String contextId, String courseTitle) {
		return launch(sub, name, ltiRole, contextId, courseTitle, Map.of());
	}

	/**
	 * A launch whose resource link carries custom parameters (a custom role, a placed
	 * page).
	 */
	public Launched launch(String sub, String name, String ltiRole, String contextId, String courseTitle,
			Map<String, String> custom) {
		return launch(sub, name, List.of(ltiRole), contextId, courseTitle, custom);
	}

	/** A person whose launch carries several LTI roles (Moodle's site admin's three). */
	public Launched launch(String sub, String name, List<String> ltiRoles, String contextId, String courseTitle,
			Map<String, String> custom) {
		LaunchClient browser = new LaunchClient(appBase);
		LaunchClient.AuthRequest auth = browser.login(platform, sub);
		var builder = platform.launchClaims(auth.nonce(), sub, ltiRoles.toArray(String[]::new))
			.claim("name", name)
			.claim("https://purl.imsglobal.org/spec/lti/claim/context",
					Map.of("id", contextId, "label", contextId.toUpperCase(), "title", courseTitle, "type",
							List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering")));
		if (!custom.isEmpty()) {
			builder.claim("https://purl.imsglobal.org/spec/lti/claim/custom", custom);
		}
		if (!locale.equals("en")) {
			builder.claim("https://purl.imsglobal.org/spec/lti/claim/launch_presentation", Map.of("locale", locale,
					"document_target", "iframe", "return_url", platform.issuer() + "/mod/lti/return.php"));
		}
		var claims = builder.build();
		var response = browser.launch(platform.sign(claims), auth.state());
		// the page it lands on, or that page's redirect
		if (response.status() >= 400) {
			throw new AssertionError("Launch of " + sub + " answered " + response.status() + ": " + response.body());
		}
		record Row(long tenant, long user, long context, String roles) {
		}
		Row row = jdbc.sql("""
				SELECT u.tenant_id, u.id, c.id, m.coachroom_roles FROM lti_user u
				JOIN lti_deployment d ON d.id = u.tenant_id JOIN lti_platform p ON p.id = d.platform_id
				JOIN lti_context c ON c.tenant_id = u.tenant_id AND c.context_id = ?
				JOIN lti_context_member m ON m.context_ref = c.id AND m.user_ref = u.id
				WHERE p.issuer = ? AND p.client_id = ? AND d.deployment_id = ? AND u.subject = ?""")
			.params(contextId, platform.issuer(), platform.clientId(), platform.deploymentId(), sub)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
			.single();
		Set<CoachroomRole> roles = new HashSet<>();
		for (String r : row.roles().split(",")) {
			if (!r.isBlank()) {
				roles.add(CoachroomRole.valueOf(r));
			}
		}
		// as the session keeps it: the services the launch claims offered
		// (TestPlatform.launchClaims)
		String base = platform.issuer();
		LaunchDetails details = new LaunchDetails(platform.issuer(), platform.clientId(), platform.deploymentId(),
				LaunchDetails.RESOURCE_LINK_REQUEST, "http://localhost/lti/launch", "1", "Spring LTI Activity",
				base + "/mod/lti/services.php/2/lineitems?type_id=1",
				base + "/mod/lti/services.php/2/lineitems/2/lineitem?type_id=1",
				List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"),
				base + "/mod/lti/services.php/CourseSection/2/bindings/1/memberships", custom, null, null,
				base + "/mod/lti/return.php", locale);
		Member member = new Member(new TenantId(row.tenant()), row.user(), sub, name, null,
				roles.stream().map(CoachroomRole::name).collect(Collectors.toSet()),
				new CourseContext(row.context(), contextId, contextId.toUpperCase(), courseTitle), "Test Moodle",
				details);
		return new Launched(browser, member);
	}

}
