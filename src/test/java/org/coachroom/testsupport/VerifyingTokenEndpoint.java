package org.coachroom.testsupport;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * A token endpoint that checks the client assertion as a platform does: signed by a key
 * the tool publishes at its JWKS, issued by and for the client, addressed to this
 * endpoint, not expired and never seen before. Anything else gets Moodle's 400/401; a
 * good one gets the stub's answer.
 */
public final class VerifyingTokenEndpoint implements ResponseDefinitionTransformerV2 {

	private final Set<String> seenJtis = ConcurrentHashMap.newKeySet();

	private final AtomicInteger refused = new AtomicInteger();

	private volatile String toolJwks;

	private volatile String clientId;

	private volatile String endpoint;

	/**
	 * What to check against: the tool's JWKS address, the client id and this endpoint's
	 * address.
	 */
	public void expect(String toolJwks, String clientId, String endpoint) {
		this.toolJwks = toolJwks;
		this.clientId = clientId;
		this.endpoint = endpoint;
	}

	public int refused() {
		return refused.get();
	}

	@Override
	public ResponseDefinition transform(ServeEvent serveEvent) {
		String body = serveEvent.getRequest().getBodyAsString();
		String why = check(body);
		if (why == null) {
			return serveEvent.getResponseDefinition();
		}
		refused.incrementAndGet();
		return aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_client\",\"error_description\":\"" + why + "\"}")
			.build();
	}

	private String check(String body) {
		String assertion = null;
		boolean clientCredentials = false;
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			String name = eq < 0 ? pair : pair.substring(0, eq);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			if (name.equals("client_assertion")) {
				assertion = value;
			}
			if (name.equals("grant_type") && value.equals("client_credentials")) {
				clientCredentials = true;
			}
		}
		if (!clientCredentials || assertion == null) {
			return "not a client_credentials grant with a client assertion";
		}
		try {
			SignedJWT jwt = SignedJWT.parse(assertion);
			RSAKey key = (RSAKey) JWKSet.load(URI.create(toolJwks).toURL()).getKeyByKeyId(jwt.getHeader().getKeyID());
			if (key == null || !jwt.verify(new RSASSAVerifier(key))) {
				return "signature";
			}
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			if (!clientId.equals(claims.getIssuer()) || !clientId.equals(claims.getSubject())) {
				return "iss/sub";
			}
			if (claims.getAudience() == null || !claims.getAudience().contains(endpoint)) {
				return "aud";
			}
			if (claims.getExpirationTime() == null || claims.getExpirationTime().before(new Date())) {
				return "expired";
			}
			if (claims.getJWTID() == null || !seenJtis.add(claims.getJWTID())) {
				return "jti replayed";
			}
			return null;
		}
		catch (Exception e) {
			return "unreadable assertion";
		}
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	@Override
	public String getName() {
		return "verifying-token-endpoint";
	}

}
