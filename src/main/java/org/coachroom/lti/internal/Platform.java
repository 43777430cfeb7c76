package org.coachroom.lti.internal;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.coachroom.lti.PlatformRegistration;
import org.coachroom.shared.Text;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A registered LMS (issuer + client id): where to send logins and where its signing keys
 * are.
 */
@Table("lti_platform")
public class Platform {

	@Id
	private Long id;

	private String issuer;

	private String clientId;

	private String name;

	private String authorizationEndpoint;

	private String tokenEndpoint;

	private String jwksUri;

	private String productFamily;

	private PlatformRegistration.Source source;

	private String customRoleParameter;

	private String frameOrigins;

	private Status status;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Integer version;

	@MappedCollection(idColumn = "platform_id")
	private Set<RoleRule> roleRules = new HashSet<>();

	Platform() {
	}

	/**
	 * ACTIVE: its launches are accepted. PENDING: registered through open registration
	 * and waiting for the operator's approval; its logins and launches are refused.
	 */
	public enum Status {

		ACTIVE, PENDING

	}

	static Platform from(PlatformRegistration registration, Instant now) {
		return from(registration, now, Status.ACTIVE);
	}

	static Platform from(PlatformRegistration registration, Instant now, Status status) {
		Platform platform = new Platform();
		platform.status = status;
		platform.issuer = registration.issuer();
		platform.clientId = registration.clientId();
		platform.createdAt = now;
		platform.update(registration, now);
		return platform;
	}

	/**
	 * Takes new endpoints and name, and role and frame settings when given; issuer and
	 * client id never change.
	 */
	void update(PlatformRegistration registration, Instant now) {
		this.name = Text.cut(registration.name(), 200);
		this.authorizationEndpoint = registration.authorizationEndpoint();
		this.tokenEndpoint = registration.tokenEndpoint();
		this.jwksUri = registration.jwksUri();
		this.productFamily = registration.productFamily();
		this.source = registration.source();
		if (registration.setsRoles()) {
			this.customRoleParameter = blankToNull(registration.customRoleParameter());
			Set<RoleRule> rules = new LinkedHashSet<>();
			registration.roleRules()
				.forEach((ltiRole, roles) -> roles.forEach(r -> rules.add(new RoleRule(ltiRole, r))));
			this.roleRules = rules;
		}
		if (registration.frameOrigins() != null) {
			Set<String> origins = new LinkedHashSet<>();
			registration.frameOrigins().forEach(o -> addOrigin(origins, o));
			this.frameOrigins = origins.isEmpty() ? null : String.join(" ", origins);
		}
		this.updatedAt = now;
	}

	boolean isPending() {
		return status == Status.PENDING;
	}

	/** The operator let it in: its launches are accepted from now on. */
	void approve(Instant now) {
		this.status = Status.ACTIVE;
		this.updatedAt = now;
	}

	/**
	 * The tool roles this platform maps an LTI role to, when it overrides the defaults.
	 */
	Map<String, Set<String>> roleOverrides() {
		Map<String, Set<String>> overrides = new HashMap<>();
		for (RoleRule rule : roleRules) {
			overrides.computeIfAbsent(rule.ltiRole(), k -> new TreeSet<>()).add(rule.toolRole());
		}
		return overrides;
	}

	/**
	 * Origins allowed to frame Coachroom for this platform: the LMS itself, where its
	 * pages live.
	 */
	Set<String> frameOrigins() {
		Set<String> origins = new LinkedHashSet<>();
		addOrigin(origins, issuer);
		addOrigin(origins, authorizationEndpoint);
		if (frameOrigins != null) {
			for (String origin : frameOrigins.split(" ")) {
				addOrigin(origins, origin);
			}
		}
		return origins;
	}

	/**
	 * Whether a service URL a launch named (AGS line items, NRPS) belongs to this
	 * platform: it is on the origin of one of the platform's registered endpoints, or of
	 * an origin its administrator listed (an LMS such as Canvas serves its courses on the
	 * district's own domain). A launch's claims are signed by the platform, but a
	 * platform (or whoever holds its key) must not make Coachroom call anything else with
	 * its token.
	 */
	boolean serves(URI url) {
		Set<String> known = frameOrigins();
		addOrigin(known, tokenEndpoint);
		addOrigin(known, jwksUri);
		Set<String> asked = new LinkedHashSet<>();
		addOrigin(asked, url.toString());
		return !asked.isEmpty() && known.contains(asked.iterator().next());
	}

	static void addOrigin(Set<String> origins, String url) {
		if (url == null) {
			return;
		}
		try {
			URI uri = URI.create(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (uri.getHost() != null && (scheme.equals("https") || scheme.equals("http"))) {
				int port = uri.getPort() == defaultPort(scheme) ? -1 : uri.getPort();
				origins.add(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port));
			}
		}
		catch (IllegalArgumentException ignored) {
			// an issuer need not be a URL; it then names no origin
		}
	}

	private static int defaultPort(String scheme) {
		return "https".equalsIgnoreCase(scheme) ? 443 : "http".equalsIgnoreCase(scheme) ? 80 : -1;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	public Long getId() {
		return id;
	}

	public String getIssuer() {
		return issuer;
	}

	public String getClientId() {
		return clientId;
	}

	public String getName() {
		return name;
	}

	public String getAuthorizationEndpoint() {
		return authorizationEndpoint;
	}

	public String getTokenEndpoint() {
		return tokenEndpoint;
	}

	public String getJwksUri() {
		return jwksUri;
	}

	public String getProductFamily() {
		return productFamily;
	}

	public PlatformRegistration.Source getSource() {
		return source;
	}

	public Status getStatus() {
		return status;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public String getCustomRoleParameter() {
		return customRoleParameter;
	}

	@Table("lti_platform_role_rule")
	record RoleRule(String ltiRole, @Column("coachroom_role") String toolRole) {
	}

}
