package org.coachroom.lti.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With a secret, a copy of the database does not hold the tool's private key in the clear. */
class KeyEncryptionTests {

	static final String JWK = "{\"kty\":\"RSA\",\"d\":\"private-part\",\"kid\":\"k1\"}";

	@Test
	void sealedKeysHideThePrivatePartAndOpenWithTheSameSecret() {
		KeyEncryption encryption = new KeyEncryption("district secret");
		String sealed = encryption.seal(JWK);
		assertThat(sealed).startsWith(KeyEncryption.PREFIX).doesNotContain("private-part");
		assertThat(encryption.seal(JWK)).as("a fresh IV each time").isNotEqualTo(sealed);
		assertThat(new KeyEncryption("district secret").open(sealed)).isEqualTo(JWK);
	}

	@Test
	void aWrongOrMissingSecretSaysSoInsteadOfSigningWithGarbage() {
		String sealed = new KeyEncryption("district secret").seal(JWK);
		assertThatThrownBy(() -> new KeyEncryption("another secret").open(sealed))
			.hasMessageContaining("not the secret they were encrypted with");
		assertThatThrownBy(() -> new KeyEncryption(null).open(sealed))
			.hasMessageContaining("set coachroom.lti.keys.encryption-secret");
	}

	@Test
	void withoutASecretKeysAreStoredAndReadAsTheyAre() {
		KeyEncryption none = new KeyEncryption(" ");
		assertThat(none.seal(JWK)).isEqualTo(JWK);
		assertThat(none.open(JWK)).isEqualTo(JWK);
		assertThat(new KeyEncryption("secret").open(JWK)).as("keys stored before a secret was set").isEqualTo(JWK);
	}
}
