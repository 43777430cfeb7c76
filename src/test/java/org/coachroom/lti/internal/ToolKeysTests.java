package org.coachroom.lti.internal;

import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tool key: made on first start, published with its kid, rotated so that platforms
 * caching our JWKS always know the key before it signs and keep the old one for a while
 * after.
 */
@LaunchTest
class ToolKeysTests {

	@Autowired
	ToolKeys keys;

	@Autowired
	LtiProperties properties;

	@LocalServerPort
	int port;

	@Test
	void publishesTheSigningKeyWithItsKidAndNoPrivateParts() throws Exception {
		LaunchClient.Response jwks = new LaunchClient("http://localhost:" + port).get("/.well-known/jwks.json");
		assertThat(jwks.status()).isEqualTo(200);
		assertThat(jwks.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		JWKSet published = JWKSet.parse(jwks.body());
		assertThat(published.getKeyByKeyId(keys.signingKey().getKeyID())).isNotNull();
		assertThat(published.getKeys()).allSatisfy(key -> {
			assertThat(key.isPrivate()).isFalse();
			assertThat(key.getKeyID()).isNotBlank();
			assertThat(key.getAlgorithm().getName()).isEqualTo("RS256");
		});
		assertThat(jwks.body()).doesNotContain("\"d\"").doesNotContain("\"p\"");
	}

	@Test
	void rotationPublishesTheNextKeyBeforeItSignsAndKeepsTheOldOneForTheGracePeriod() {
		Instant now = Instant.now();
		JWK before = keys.signingKey();

		keys.rotate(now, true);
		JWKSet withNext = keys.publicKeys();
		assertThat(keys.signingKey().getKeyID()).as("the next key does not sign yet").isEqualTo(before.getKeyID());
		assertThat(withNext.getKeys()).hasSizeGreaterThanOrEqualTo(2);
		String next = withNext.getKeys()
			.stream()
			.map(JWK::getKeyID)
			.filter(k -> !k.equals(before.getKeyID()))
			.reduce((a, b) -> b)
			.orElseThrow();

		Instant promoted = now.plus(properties.keys().nextKeyLead()).plusSeconds(1);
		keys.rotate(promoted, false);
		assertThat(keys.signingKey().getKeyID()).isEqualTo(next);
		assertThat(keys.publicKeys().getKeyByKeyId(before.getKeyID())).as("retired key still published").isNotNull();

		keys.rotate(promoted.plus(properties.keys().retiredGrace()).plus(Duration.ofSeconds(1)), false);
		assertThat(keys.publicKeys().getKeyByKeyId(before.getKeyID())).as("gone after the grace period").isNull();
		assertThat(keys.publicKeys().getKeyByKeyId(next)).isNotNull();
	}

	@Test
	void aKeyIsDueForRotationOnlyNearTheEndOfItsInterval() {
		int published = keys.publicKeys().getKeys().size();
		keys.rotate(Instant.now(), false);
		assertThat(keys.publicKeys().getKeys()).hasSize(published);
	}

}
