package org.coachroom.lti.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.coachroom.lti.DeepLinking;
import org.coachroom.lti.LaunchDetails;
import org.coachroom.lti.Member;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Signs deep linking responses with the tool key (Deep Linking 2.0 §4.2). */
@Service
class DeepLinkingResponses implements DeepLinking {

	private final ToolKeys toolKeys;

	private final Clock clock;

	private final LtiProperties properties;

	DeepLinkingResponses(ToolKeys toolKeys, Clock clock, LtiProperties properties) {
		this.toolKeys = toolKeys;
		this.clock = clock;
		this.properties = properties;
	}

	@Override
	public Response respond(Member member, List<ResourceLink> items, String message) {
		LaunchDetails launch = member.launch();
		if (launch == null || !launch.isDeepLinking() || launch.deepLinkReturnUrl() == null) {
			throw new IllegalStateException("The member's launch was not a deep linking request");
		}
		Instant now = clock.instant();
		List<Map<String, Object>> contentItems = new ArrayList<>();
		for (ResourceLink item : items) {
			contentItems.add(contentItem(item));
		}
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(launch.clientId())
			.audience(launch.issuer())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.claim("nonce", Tokens.random256())
			.claim(LtiClaims.DEPLOYMENT_ID, launch.deploymentId())
			.claim(LtiClaims.MESSAGE_TYPE, "LtiDeepLinkingResponse")
			.claim(LtiClaims.VERSION, "1.3.0")
			.claim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items", contentItems);
		if (launch.deepLinkData() != null) {
			claims.claim("https://purl.imsglobal.org/spec/lti-dl/claim/data", launch.deepLinkData());
		}
		if (message != null) {
			claims.claim("https://purl.imsglobal.org/spec/lti-dl/claim/msg", message);
		}
		RSAKey key = toolKeys.signingKey();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(),
				claims.build());
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException e) {
			throw new IllegalStateException("Could not sign the deep linking response", e);
		}
		return new Response(launch.deepLinkReturnUrl(), jwt.serialize());
	}

	private Map<String, Object> contentItem(ResourceLink item) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", "ltiResourceLink");
		json.put("title", item.title());
		if (item.text() != null) {
			json.put("text", item.text());
		}
		// Moodle accepts only URLs it has as redirect URIs: the launch URL, never a
		// deeper path.
		json.put("url", item.url() != null ? item.url() : launchUrl());
		if (!item.custom().isEmpty()) {
			json.put("custom", item.custom());
		}
		if (item.lineItem() != null) {
			Map<String, Object> lineItem = new LinkedHashMap<>();
			lineItem.put("scoreMaximum", item.lineItem().scoreMaximum());
			lineItem.put("label", item.lineItem().label());
			if (item.lineItem().resourceId() != null) {
				lineItem.put("resourceId", item.lineItem().resourceId());
			}
			if (item.lineItem().tag() != null) {
				lineItem.put("tag", item.lineItem().tag());
			}
			json.put("lineItem", lineItem);
		}
		return json;
	}

	private String launchUrl() {
		String configured = properties.publicUrl();
		String base = configured != null && !configured.isBlank() ? configured.replaceAll("/+$", "")
				: ServletUriComponentsBuilder.fromCurrentContextPath().replaceQuery(null).build().toUriString();
		return base + "/lti/launch";
	}

}
