package org.coachroom.lti.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A copy of the database alone never holds the tool's private key in the clear: by
 * default it is sealed with a key file kept outside the database, or with a key derived
 * from the configured secret.
 */
class KeyEncryptionTests {

	static final String JWK = "{\"kty\":\"RSA\",\"d\":\"private-part\",\"kid\":\"k1\"}";

	@TempDir
	Path dir;

	@Test
	void withoutASecretKeysAreSealedWithAKeyFileMadeOnFirstUseForItsOwnerOnly() throws Exception {
		Path file = dir.resolve("data").resolve("tool-key-encryption.key");
		String sealed = new KeyEncryption(null, file).seal(JWK);

		assertThat(sealed).startsWith(KeyEncryption.FILE_PREFIX).doesNotContain("private-part").doesNotContain("kty");
		assertThat(file).exists();
		if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
		assertThat(new KeyEncryption(" ", file).open(sealed)).as("another start, same file").isEqualTo(JWK);
	}

	@Test
	void twoSealsOfTheSameKeyDiffer() {
		KeyEncryption withFile = new KeyEncryption(null, dir.resolve("k.key"));
		assertThat(withFile.seal(JWK)).isNotEqualTo(withFile.seal(JWK));

		KeyEncryption withSecret = new KeyEncryption("district secret", dir.resolve("unused.key"));
		String first = withSecret.seal(JWK);
		String second = withSecret.seal(JWK);
		assertThat(second).isNotEqualTo(first);
		assertThat(saltOf(second)).as("a fresh salt each time").isNotEqualTo(saltOf(first));
	}

	@Test
	void withASecretKeysAreSealedUnderASaltedKdfAndNoKeyFileIsMade() {
		Path file = dir.resolve("k.key");
		String sealed = new KeyEncryption("district secret", file).seal(JWK);

		assertThat(sealed).startsWith(KeyEncryption.SECRET_PREFIX + KeyEncryption.ITERATIONS + ":")
			.doesNotContain("private-part");
		assertThat(file).doesNotExist();
		assertThat(new KeyEncryption("district secret", file).open(sealed)).isEqualTo(JWK);
	}

	@Test
	void readsTheFormatsEarlierVersionsWroteAndCallsThemOutdated() throws Exception {
		KeyEncryption withSecret = new KeyEncryption("district secret", dir.resolve("k.key"));
		String legacy = legacySeal("district secret", JWK);

		assertThat(withSecret.open(JWK)).as("plain JWK text").isEqualTo(JWK);
		assertThat(withSecret.open(legacy)).as("unsalted SHA-256 of the secret").isEqualTo(JWK);
		assertThat(withSecret.isCurrent(JWK)).isFalse();
		assertThat(withSecret.isCurrent(legacy)).isFalse();
		assertThat(withSecret.isCurrent(withSecret.seal(JWK))).isTrue();
	}

	@Test
	void keysSealedWithTheKeyFileAreOutdatedOnceASecretIsSet() {
		Path file = dir.resolve("k.key");
		String sealed = new KeyEncryption(null, file).seal(JWK);

		KeyEncryption withSecret = new KeyEncryption("district secret", file);
		assertThat(withSecret.isCurrent(sealed)).isFalse();
		assertThat(withSecret.open(sealed)).isEqualTo(JWK);
		assertThat(new KeyEncryption(null, file).isCurrent(sealed)).isTrue();
	}

	@Test
	void aWrongOrMissingSecretSaysWhichSettingToCheck() throws Exception {
		String sealed = new KeyEncryption("district secret", dir.resolve("k.key")).seal(JWK);
		String legacy = legacySeal("district secret", JWK);

		for (String value : new String[] { sealed, legacy }) {
			assertThatThrownBy(() -> new KeyEncryption("another secret", dir.resolve("k.key")).open(value))
				.hasMessageContaining("cannot be decrypted with the configured coachroom.lti.keys.encryption-secret")
				.hasMessageNotContaining("district secret");
			assertThatThrownBy(() -> new KeyEncryption(null, dir.resolve("k.key")).open(value))
				.hasMessageContaining("set coachroom.lti.keys.encryption-secret");
		}
		assertThat(dir.resolve("k.key")).as("opening never makes a key file").doesNotExist();
	}

	@Test
	void aMissingOrDifferentKeyFileSaysWhichSettingToCheck() {
		String sealed = new KeyEncryption(null, dir.resolve("first.key")).seal(JWK);
		new KeyEncryption(null, dir.resolve("second.key")).seal(JWK);

		assertThatThrownBy(() -> new KeyEncryption(null, dir.resolve("missing.key")).open(sealed))
			.hasMessageContaining("does not exist")
			.hasMessageContaining("coachroom.lti.keys.encryption-key-file");
		assertThat(dir.resolve("missing.key")).as("opening never makes a key file").doesNotExist();
		assertThatThrownBy(() -> new KeyEncryption(null, dir.resolve("second.key")).open(sealed))
			.hasMessageContaining("not the file they were encrypted with")
			.hasMessageContaining("coachroom.lti.keys.encryption-key-file");
	}

	private static String saltOf(String sealed) {
		return sealed.substring(KeyEncryption.SECRET_PREFIX.length()).split(":")[1];
	}

	/**
	 * What earlier versions stored with a secret: AES-GCM under an unsalted SHA-256 of
	 * it.
	 */
	static String legacySeal(String secret, String jwk) throws Exception {
		byte[] key = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		byte[] iv = new byte[12];
		new SecureRandom().nextBytes(iv);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
		byte[] sealed = cipher.doFinal(jwk.getBytes(StandardCharsets.UTF_8));
		byte[] out = new byte[iv.length + sealed.length];
		System.arraycopy(iv, 0, out, 0, iv.length);
		System.arraycopy(sealed, 0, out, iv.length, sealed.length);
		return KeyEncryption.LEGACY_PREFIX + Base64.getEncoder().encodeToString(out);
	}

}
