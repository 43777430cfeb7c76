package org.coachroom.lti.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Private tool keys at rest: AES-256-GCM under a key derived from {@code coachroom.lti.keys.encryption-secret}
 * when one is set, so a copy of the database alone does not let anyone sign as Coachroom. Without a
 * secret keys are stored as plain JWK text (and read either way).
 */
final class KeyEncryption {

	static final String PREFIX = "enc:v1:";

	private static final SecureRandom random = new SecureRandom();

	private final SecretKeySpec key;

	KeyEncryption(String secret) {
		this.key = secret == null || secret.isBlank() ? null : new SecretKeySpec(sha256(secret), "AES");
	}

	String seal(String privateJwk) {
		if (key == null) {
			return privateJwk;
		}
		try {
			byte[] iv = new byte[12];
			random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(privateJwk.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[iv.length + sealed.length];
			System.arraycopy(iv, 0, out, 0, iv.length);
			System.arraycopy(sealed, 0, out, iv.length, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Could not encrypt the tool key", e);
		}
	}

	String open(String stored) {
		if (!stored.startsWith(PREFIX)) {
			return stored;
		}
		if (key == null) {
			throw new IllegalStateException("The tool keys in the database are encrypted; set "
					+ "coachroom.lti.keys.encryption-secret to the secret they were encrypted with.");
		}
		try {
			byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
			return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalStateException("The tool keys in the database cannot be decrypted with the configured "
					+ "coachroom.lti.keys.encryption-secret; it is not the secret they were encrypted with.");
		}
	}

	private static byte[] sha256(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
