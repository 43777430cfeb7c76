package org.coachroom.lti.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * Private tool keys at rest, always encrypted (AES-256-GCM, a fresh IV each time), so a
 * copy of the database alone does not let anyone sign as Coachroom. The key is derived
 * from {@code coachroom.lti.keys.encryption-secret} when one is set (PBKDF2 with a random
 * salt per value), or else is a random key kept in
 * {@code coachroom.lti.keys.encryption-key-file}, made on first use.
 * <p>
 * Each stored value says how it was sealed, so every format ever written stays readable:
 * <ul>
 * <li>{@code {...}}: plain JWK text (earlier versions' default, without a secret);
 * <li>{@code enc:v1:}: AES-GCM under an unsalted SHA-256 of the secret (earlier versions,
 * with a secret);
 * <li>{@code enc:v2-secret:<iterations>:<salt>:<sealed>}: AES-GCM under
 * PBKDF2-HMAC-SHA256 of the secret;
 * <li>{@code enc:v2-file:<sealed>}: AES-GCM under the key in the key file.
 * </ul>
 * {@link #isCurrent} tells which values start-up should seal again.
 */
final class KeyEncryption {

	static final String SECRET_SETTING = "coachroom.lti.keys.encryption-secret";

	static final String KEY_FILE_SETTING = "coachroom.lti.keys.encryption-key-file";

	static final String LEGACY_PREFIX = "enc:v1:";

	static final String SECRET_PREFIX = "enc:v2-secret:";

	static final String FILE_PREFIX = "enc:v2-file:";

	/**
	 * OWASP's 2023 figure for PBKDF2-HMAC-SHA256. Spring's {@code Encryptors.stronger}
	 * fixes 1024 rounds of HMAC-SHA1, too few for a secret a person chose; the count is
	 * stored in each value so it can grow.
	 */
	static final int ITERATIONS = 600_000;

	private static final int KEY_FILE_BYTES = 32;

	private final String secret;

	private final Path keyFile;

	private final int iterations;

	private volatile SecretKey fileKey;

	KeyEncryption(String secret, Path keyFile) {
		this(secret, keyFile, ITERATIONS);
	}

	KeyEncryption(String secret, Path keyFile, int iterations) {
		this.secret = secret == null || secret.isBlank() ? null : secret;
		this.keyFile = keyFile.toAbsolutePath();
		this.iterations = iterations;
	}

	static KeyEncryption of(LtiProperties.Keys settings) {
		return new KeyEncryption(settings.encryptionSecret(), Path.of(settings.encryptionKeyFile()));
	}

	/** Where keys are sealed now, for the log: never the secret itself. */
	String describe() {
		return secret != null ? "the secret " + SECRET_SETTING : "the key file " + keyFile;
	}

	/** Whether {@code stored} is sealed the way {@link #seal} would seal it now. */
	boolean isCurrent(String stored) {
		if (secret == null) {
			return stored.startsWith(FILE_PREFIX);
		}
		return stored.startsWith(SECRET_PREFIX + iterations + ":");
	}

	String seal(String privateJwk) {
		byte[] plain = privateJwk.getBytes(StandardCharsets.UTF_8);
		if (secret == null) {
			return FILE_PREFIX + base64(aesGcm(fileKeyMadeIfMissing()).encrypt(plain));
		}
		byte[] salt = KeyGenerators.secureRandom(16).generateKey();
		return SECRET_PREFIX + iterations + ":" + base64(salt) + ":"
				+ base64(aesGcm(derive(secret, salt, iterations)).encrypt(plain));
	}

	String open(String stored) {
		if (stored.startsWith(FILE_PREFIX)) {
			return openWithKeyFile(stored.substring(FILE_PREFIX.length()));
		}
		if (stored.startsWith(SECRET_PREFIX)) {
			String[] parts = stored.substring(SECRET_PREFIX.length()).split(":", 3);
			SecretKey key;
			try {
				key = derive(requireSecret(), unbase64(parts[1]), Integer.parseInt(parts[0]));
			}
			catch (IndexOutOfBoundsException | IllegalArgumentException e) {
				throw unreadable();
			}
			return decrypt(aesGcm(key), parts[2], wrongSecret());
		}
		if (stored.startsWith(LEGACY_PREFIX)) {
			return openLegacy(stored.substring(LEGACY_PREFIX.length()));
		}
		if (stored.startsWith("{")) {
			return stored;
		}
		throw unreadable();
	}

	private String openWithKeyFile(String sealed) {
		SecretKey key = fileKey();
		if (key == null) {
			throw new IllegalStateException("The tool keys in the database are encrypted with the key file " + keyFile
					+ ", which does not exist. Restore that file, or set " + KEY_FILE_SETTING + " to where it is. "
					+ "Every node needs the same file (or set " + SECRET_SETTING
					+ " on all of them). Coachroom does not "
					+ "make a new key: every LMS registration trusts the stored one.");
		}
		return decrypt(aesGcm(key), sealed, new IllegalStateException("The tool keys in the database cannot be "
				+ "decrypted with the key file " + keyFile + " (" + KEY_FILE_SETTING
				+ "); it is not the file they were "
				+ "encrypted with. Restore the right file on every node. Coachroom does not make a new key: every LMS "
				+ "registration trusts the stored one."));
	}

	/**
	 * The format earlier versions wrote with a secret: kept readable so those keys can be
	 * sealed again at start-up.
	 */
	private String openLegacy(String sealed) {
		SecretKey key = new SecretKeySpec(sha256(requireSecret()), "AES");
		try {
			byte[] in = unbase64(sealed);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
			return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw wrongSecret();
		}
	}

	private String requireSecret() {
		if (secret == null) {
			throw new IllegalStateException("The tool keys in the database are encrypted with a secret; set "
					+ SECRET_SETTING + " to the secret they were encrypted with. Coachroom does not make a new key: "
					+ "every LMS registration trusts the stored one.");
		}
		return secret;
	}

	private static IllegalStateException wrongSecret() {
		return new IllegalStateException("The tool keys in the database cannot be decrypted with the configured "
				+ SECRET_SETTING + "; it is not the secret they were encrypted with. Set it to that secret on every "
				+ "node. Coachroom does not make a new key: every LMS registration trusts the stored one.");
	}

	private static IllegalStateException unreadable() {
		return new IllegalStateException("A stored tool key is in no format this version of Coachroom knows");
	}

	private static String decrypt(BytesEncryptor encryptor, String sealed, IllegalStateException failure) {
		try {
			return new String(encryptor.decrypt(unbase64(sealed)), StandardCharsets.UTF_8);
		}
		catch (RuntimeException e) {
			// Spring reports a failed GCM tag as an IllegalStateException with no hint of
			// which setting is wrong.
			throw failure;
		}
	}

	private static BytesEncryptor aesGcm(SecretKey key) {
		return new AesBytesEncryptor(key, KeyGenerators.secureRandom(16), AesBytesEncryptor.CipherAlgorithm.GCM);
	}

	private static SecretKey derive(String secret, byte[] salt, int iterations) {
		try {
			PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, 256);
			byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
			spec.clearPassword();
			return new SecretKeySpec(key, "AES");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Could not derive the tool key encryption key", e);
		}
	}

	private SecretKey fileKey() {
		SecretKey key = fileKey;
		if (key == null && Files.exists(keyFile)) {
			key = readKeyFile();
			fileKey = key;
		}
		return key;
	}

	/**
	 * Only sealing makes the file, never opening: a node that lacks the file other nodes
	 * used must stop with a message, not encrypt with a key of its own. Callers hold the
	 * tool key lock, so two nodes sharing the file do not both make it.
	 */
	private SecretKey fileKeyMadeIfMissing() {
		SecretKey key = fileKey();
		if (key != null) {
			return key;
		}
		byte[] bytes = KeyGenerators.secureRandom(KEY_FILE_BYTES).generateKey();
		try {
			Path dir = keyFile.getParent();
			Files.createDirectories(dir);
			Path temp = ownerOnly(dir, keyFile.getFileName().toString());
			Files.writeString(temp, base64(bytes) + "\n", StandardCharsets.US_ASCII);
			try {
				// Written aside and renamed, so no one ever reads half a key; an existing
				// file is never replaced.
				Files.move(temp, keyFile);
			}
			catch (FileAlreadyExistsException e) {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not create the tool key encryption file " + keyFile + " ("
					+ KEY_FILE_SETTING + "); make its folder writable, or set " + SECRET_SETTING, e);
		}
		fileKey = readKeyFile();
		return fileKey;
	}

	private static Path ownerOnly(Path dir, String name) throws IOException {
		boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
		FileAttribute<?>[] attributes = posix
				? new FileAttribute<?>[] {
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) }
				: new FileAttribute<?>[0];
		return Files.createTempFile(dir, name, ".tmp", attributes);
	}

	private SecretKey readKeyFile() {
		try {
			byte[] bytes = unbase64(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
			if (bytes.length != KEY_FILE_BYTES) {
				throw new IllegalArgumentException("not " + KEY_FILE_BYTES + " bytes");
			}
			return new SecretKeySpec(bytes, "AES");
		}
		catch (IOException | IllegalArgumentException e) {
			throw new IllegalStateException("The tool key encryption file " + keyFile + " (" + KEY_FILE_SETTING
					+ ") cannot be read: " + e.getMessage());
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

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static byte[] unbase64(String text) {
		return Base64.getDecoder().decode(text);
	}

}
