package org.coachroom.demo;

import java.net.MalformedURLException;
import java.net.URI;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo LMS's services: a token endpoint that checks the tool's client assertion
 * against the tool's published keys, as a real LMS does, and the course roster (NRPS) of
 * the demo course, with pages, so that a roster import can be tried without an LMS.
 */
@Component
@ConditionalOnProperty(name = "coachroom.demo.enabled", havingValue = "true")
class DemoServices {

	/** The demo course's other teachers: enough for a roster worth importing. */
	private static final List<String[]> CLASS = List.of(new String[] { "Ana", "Ruiz" },
			new String[] { "Ben", "Okafor" }, new String[] { "Chloe", "Nguyen" }, new String[] { "Daniel", "Haddad" },
			new String[] { "Elena", "Petrova" }, new String[] { "Felix", "Moreno" }, new String[] { "Grace", "Kim" },
			new String[] { "Hana", "Sato" }, new String[] { "Isaac", "Brown" }, new String[] { "Jade", "Wilson" },
			new String[] { "Kofi", "Mensah" }, new String[] { "Lucia", "Romero" });

	private final DemoPlatform platform;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

	private volatile DefaultJWTProcessor<SecurityContext> assertions;

	DemoServices(DemoPlatform platform, Clock clock) {
		this.platform = platform;
		this.clock = clock;
	}

	/** A member of the demo course as NRPS lists it. */
	record RosterMember(String userId, String givenName, String familyName, String role) {

		Map<String, Object> json() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("status", "Active");
			m.put("roles", List.of(role));
			m.put("user_id", userId);
			m.put("name", givenName + " " + familyName);
			m.put("given_name", givenName);
			m.put("family_name", familyName);
			m.put("email", (givenName + "." + familyName).toLowerCase(Locale.ROOT) + "@demo-district.invalid");
			return m;
		}
	}

	List<RosterMember> roster() {
		List<RosterMember> roster = new ArrayList<>();
		roster.add(new RosterMember(DemoPersona.COACH.subject(), "Jordan", "Ellis", "Instructor"));
		roster.add(new RosterMember(DemoPersona.TEACHER.subject(), "Maria", "Lopez", "Learner"));
		for (int i = 0; i < CLASS.size(); i++) {
			roster.add(new RosterMember("demo-teacher-" + (i + 1), CLASS.get(i)[0], CLASS.get(i)[1], "Learner"));
		}
		return roster;
	}

	/**
	 * Grants a token for a client assertion signed by the tool's current key, issued by
	 * the demo client, for this token endpoint; null when the assertion does not hold.
	 */
	String grant(String clientAssertion) {
		if (clientAssertion == null || clientAssertion.isBlank() || clientAssertion.length() > 16_384) {
			return null;
		}
		try {
			JWTClaimsSet claims = processor().process(clientAssertion, null);
			String endpoint = platform.baseUrl() + "/demo/platform/token";
			if (claims.getExpirationTime() == null || claims.getJWTID() == null
					|| !DemoPlatform.CLIENT_ID.equals(claims.getIssuer())
					|| !DemoPlatform.CLIENT_ID.equals(claims.getSubject()) || claims.getAudience() == null
					|| !claims.getAudience().contains(endpoint)) {
				return null;
			}
		}
		catch (ParseException | BadJOSEException | JOSEException e) {
			return null;
		}
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		tokens.entrySet().removeIf(e -> e.getValue().isBefore(now));
		tokens.put(token, now.plusSeconds(3600));
		return token;
	}

	boolean valid(String token) {
		Instant until = token == null ? null : tokens.get(token);
		return until != null && until.isAfter(clock.instant());
	}

	private DefaultJWTProcessor<SecurityContext> processor() {
		if (assertions == null) {
			try {
				JWKSource<SecurityContext> keys = JWKSourceBuilder
					.create(URI.create(platform.baseUrl() + "/.well-known/jwks.json").toURL())
					.build();
				DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
				p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
				assertions = p;
			}
			catch (MalformedURLException e) {
				throw new IllegalStateException(e);
			}
		}
		return assertions;
	}

}
