package org.coachroom.lti.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import org.coachroom.lti.LaunchDetails;
import org.springframework.stereotype.Component;

/**
 * Checks an id_token as LTI 1.3 Core and the 1EdTech Security Framework require: RS256
 * signature by the platform's key, issuer, audience, lifetime, nonce, deployment, message
 * type and version, and the claims a launch cannot do without. Every failure is a
 * {@link RefusedException}.
 */
@Component
class IdTokenValidator {

	private final PlatformKeys platformKeys;

	private final PlatformDirectory directory;

	private final Clock clock;

	private final LtiProperties properties;

	private final LoginStates loginStates;

	IdTokenValidator(PlatformKeys platformKeys, PlatformDirectory directory, Clock clock, LtiProperties properties,
			LoginStates loginStates) {
		this.loginStates = loginStates;
		this.platformKeys = platformKeys;
		this.directory = directory;
		this.clock = clock;
		this.properties = properties;
	}

	record ValidToken(Platform platform, Deployment deployment, JWTClaimsSet claims) {
	}

	/** Validates the token that answers the login started with {@code pending}. */
	ValidToken validate(String idToken, LoginStates.Pending pending) {
		SignedJWT jwt = parse(idToken);
		Platform platform = directory.byId(pending.platformId())
			.orElseThrow(() -> new RefusedException(Refusal.LOGIN_PLATFORM_UNKNOWN,
					"The platform that started this login is no longer registered."));
		verifySignature(jwt, platform);
		JWTClaimsSet claims = claims(jwt);
		verifyIssuerAndAudience(claims, platform);
		verifyLifetime(claims);
		verifyNonce(claims, pending);
		Deployment deployment = deployment(claims, platform);
		verifyMessage(claims);
		return new ValidToken(platform, deployment, claims);
	}

	private SignedJWT parse(String idToken) {
		if (idToken == null || idToken.isBlank()) {
			throw new RefusedException(Refusal.TOKEN_MISSING, "The launch carried no id_token parameter.");
		}
		if (idToken.length() > properties.maxIdTokenLength()) {
			throw new RefusedException(Refusal.TOKEN_TOO_LARGE, "The id_token is " + idToken.length()
					+ " characters long; Coachroom reads at most " + properties.maxIdTokenLength() + ".");
		}
		JWT jwt;
		try {
			jwt = JWTParser.parse(idToken);
		}
		catch (ParseException e) {
			throw new RefusedException(Refusal.TOKEN_MALFORMED, "The id_token is not a JWT.");
		}
		if (!(jwt instanceof SignedJWT signed)) {
			throw new RefusedException(Refusal.TOKEN_ALGORITHM,
					"The id_token is not signed (alg " + jwt.getHeader().getAlgorithm() + "); LTI requires RS256.");
		}
		if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
			throw new RefusedException(Refusal.TOKEN_ALGORITHM,
					"The id_token is signed with " + signed.getHeader().getAlgorithm() + "; LTI requires RS256.");
		}
		return signed;
	}

	private void verifySignature(SignedJWT jwt, Platform platform) {
		// Without a kid every key of the set would be tried: one key, named by the
		// platform, or none.
		if (jwt.getHeader().getKeyID() == null || jwt.getHeader().getKeyID().isBlank()) {
			throw new RefusedException(Refusal.TOKEN_KEY_UNKNOWN, "The id_token's header names no key (kid); "
					+ "an LTI platform names the key it signs with (1EdTech Security Framework 6.3).");
		}
		List<JWK> keys = platformKeys.keysFor(platform, jwt.getHeader());
		if (keys.isEmpty()) {
			throw new RefusedException(Refusal.TOKEN_KEY_UNKNOWN, "The platform's key set at " + platform.getJwksUri()
					+ " has no RS256 key with kid " + jwt.getHeader().getKeyID() + ".");
		}
		for (JWK key : keys) {
			if (key instanceof RSAKey rsa) {
				try {
					if (jwt.verify(platformKeys.verifier(rsa))) {
						return;
					}
				}
				catch (JOSEException e) {
					// a key that cannot verify is no match; try the next
				}
			}
		}
		throw new RefusedException(Refusal.TOKEN_SIGNATURE,
				"The id_token's signature does not match the platform's key " + jwt.getHeader().getKeyID() + ".");
	}

	/**
	 * The claims, decoded with the JDK's Base64: Nimbus's decoder runs in constant time,
	 * which a signed, public payload does not need, and on a launch-sized token it cost
	 * more than the RSA check.
	 */
	private static JWTClaimsSet claims(SignedJWT jwt) {
		try {
			byte[] payload = Base64.getUrlDecoder().decode(jwt.getParsedParts()[1].toString());
			return JWTClaimsSet.parse(new String(payload, StandardCharsets.UTF_8));
		}
		catch (ParseException | IllegalArgumentException e) {
			throw new RefusedException(Refusal.TOKEN_MALFORMED, "The id_token's claims are not a JSON object.");
		}
	}

	private static void verifyIssuerAndAudience(JWTClaimsSet claims, Platform platform) {
		if (!platform.getIssuer().equals(claims.getIssuer())) {
			throw new RefusedException(Refusal.TOKEN_ISSUER, "The id_token's issuer is " + quote(claims.getIssuer())
					+ " but the login was started for " + quote(platform.getIssuer()) + ".");
		}
		List<String> audience = claims.getAudience();
		if (audience == null || !audience.contains(platform.getClientId())) {
			throw new RefusedException(Refusal.TOKEN_AUDIENCE, "The id_token is addressed to " + audience
					+ ", not to Coachroom's client id " + quote(platform.getClientId()) + ".");
		}
		Object azp = claims.getClaim("azp");
		if ((audience.size() > 1 || azp != null) && !platform.getClientId().equals(azp)) {
			throw new RefusedException(Refusal.TOKEN_AUDIENCE, "The id_token's authorized party is " + quote(azp)
					+ ", not Coachroom's client id " + quote(platform.getClientId()) + ".");
		}
	}

	private void verifyLifetime(JWTClaimsSet claims) {
		Instant now = clock.instant();
		Duration skew = properties.clockSkew();
		Date exp = claims.getExpirationTime();
		Date iat = claims.getIssueTime();
		if (exp == null || iat == null) {
			throw new RefusedException(Refusal.CLAIM_MISSING, "The id_token lacks its exp or iat claim.");
		}
		if (now.isAfter(exp.toInstant().plus(skew))) {
			throw new RefusedException(Refusal.TOKEN_EXPIRED, "The id_token expired at " + exp.toInstant()
					+ "; it is now " + now + ". Check that the LMS server's clock is right.");
		}
		Date nbf = claims.getNotBeforeTime();
		if (iat.toInstant().isAfter(now.plus(skew)) || (nbf != null && nbf.toInstant().isAfter(now.plus(skew)))) {
			throw new RefusedException(Refusal.TOKEN_FROM_FUTURE, "The id_token says it was issued at "
					+ iat.toInstant() + ", after now (" + now + "). Check that the LMS server's clock is right.");
		}
	}

	private void verifyNonce(JWTClaimsSet claims, LoginStates.Pending pending) {
		Object nonce = claims.getClaim("nonce");
		if (nonce instanceof String s && s.equals(pending.nonce())) {
			return;
		}
		if (nonce instanceof String s && loginStates.wasUsed(s)) {
			throw new RefusedException(Refusal.NONCE_REPLAYED,
					"The id_token was already used for an earlier launch; it is being replayed.");
		}
		throw new RefusedException(Refusal.NONCE_NOT_ISSUED,
				"The id_token's nonce is not the one Coachroom issued for this login.");
	}

	private Deployment deployment(JWTClaimsSet claims, Platform platform) {
		String deploymentId = string(claims, LtiClaims.DEPLOYMENT_ID);
		if (deploymentId == null || deploymentId.isBlank()) {
			throw new RefusedException(Refusal.CLAIM_MISSING, "The id_token has no deployment_id claim.");
		}
		return directory.deployment(platform.getId(), deploymentId)
			.orElseThrow(() -> new RefusedException(Refusal.DEPLOYMENT_UNKNOWN, "Deployment " + quote(deploymentId)
					+ " of " + platform.getName() + " is not registered with Coachroom."));
	}

	private static void verifyMessage(JWTClaimsSet claims) {
		String type = string(claims, LtiClaims.MESSAGE_TYPE);
		if (!LaunchDetails.RESOURCE_LINK_REQUEST.equals(type) && !LaunchDetails.DEEP_LINKING_REQUEST.equals(type)) {
			throw new RefusedException(Refusal.MESSAGE_TYPE, "Coachroom does not handle LTI messages of type "
					+ quote(type) + "; it accepts resource link launches and deep linking requests.");
		}
		String version = string(claims, LtiClaims.VERSION);
		if (!"1.3.0".equals(version)) {
			throw new RefusedException(Refusal.MESSAGE_VERSION,
					"The launch says LTI version " + quote(version) + "; Coachroom speaks 1.3.0.");
		}
		String sub = claims.getSubject();
		if (sub == null || sub.isBlank()) {
			throw new RefusedException(Refusal.CLAIM_MISSING,
					"The id_token has no sub claim: Coachroom needs to know who is launching (anonymous launches are not supported).");
		}
		if (!(claims.getClaim(LtiClaims.ROLES) instanceof List<?>)) {
			throw new RefusedException(Refusal.CLAIM_MISSING, "The id_token has no roles claim.");
		}
		if (string(claims, LtiClaims.TARGET_LINK_URI) == null) {
			throw new RefusedException(Refusal.CLAIM_MISSING, "The id_token has no target_link_uri claim.");
		}
		if (LaunchDetails.RESOURCE_LINK_REQUEST.equals(type)) {
			Map<String, Object> link = object(claims, LtiClaims.RESOURCE_LINK);
			if (link == null || !(link.get("id") instanceof String id) || id.isBlank()) {
				throw new RefusedException(Refusal.CLAIM_MISSING,
						"The resource link launch has no resource_link claim with an id.");
			}
		}
		else {
			Map<String, Object> settings = object(claims, LtiClaims.DEEP_LINKING_SETTINGS);
			if (settings == null || !(settings.get("deep_link_return_url") instanceof String url)
					|| !isWebAddress(url)) {
				throw new RefusedException(Refusal.CLAIM_MISSING,
						"The deep linking request has no deep_linking_settings with a deep_link_return_url web address.");
			}
		}
	}

	private static boolean isWebAddress(String url) {
		try {
			URI uri = URI.create(url);
			return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	static String string(JWTClaimsSet claims, String name) {
		Object value = claims.getClaim(name);
		return value instanceof String s ? s : null;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> object(JWTClaimsSet claims, String name) {
		Object value = claims.getClaim(name);
		return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
	}

	private static String quote(Object value) {
		if (value == null) {
			return "(none)";
		}
		return "\"" + Logs.safe(value) + "\"";
	}

}
