package org.coachroom.lti.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random values for state, nonce, cookies and CSRF, and the hashes we store instead of
 * them.
 */
final class Tokens {

	private static final SecureRandom random = new SecureRandom();

	private Tokens() {
	}

	/** 256 random bits, base64url without padding: 43 characters. */
	static String random256() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** SHA-256, base64url without padding: 43 characters. */
	static String hash(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * True for what {@link #random256()} makes; anything else is not worth a database
	 * lookup.
	 */
	static boolean looksRandom256(String value) {
		if (value == null || value.length() != 43) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (!(Character.isLetterOrDigit(c) && c < 128) && c != '-' && c != '_') {
				return false;
			}
		}
		return true;
	}

}
