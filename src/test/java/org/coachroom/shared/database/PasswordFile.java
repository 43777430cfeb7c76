package org.coachroom.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * The embedded database's password, generated once and kept in a file only its owner may
 * read (0600 on POSIX file systems), beside the data it protects.
 */
record PasswordFile(Path path) {

	static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

	private static final SecureRandom random = new SecureRandom();

	/** The password in the file, made (and the file written) when there is none yet. */
	String readOrCreate() {
		try {
			if (Files.exists(path)) {
				String password = Files.readString(path, StandardCharsets.UTF_8).strip();
				if (!password.isEmpty()) {
					ownerOnly(path, OWNER_ONLY);
					return password;
				}
				// an interrupted first write left it empty; the server is told the new
				// one at start
				Files.delete(path);
			}
			byte[] bytes = new byte[24];
			random.nextBytes(bytes);
			// URL-safe Base64: letters, digits, - and _, nothing to escape in SQL or a
			// JDBC URL
			String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			Files.createDirectories(path.toAbsolutePath().getParent());
			try (SeekableByteChannel out = Files.newByteChannel(path,
					Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnlyAttribute())) {
				out.write(ByteBuffer.wrap((password + "\n").getBytes(StandardCharsets.UTF_8)));
			}
			return password;
		}
		catch (IOException e) {
			throw new UncheckedIOException(
					"Cannot read or write the embedded database's password file " + path.toAbsolutePath(), e);
		}
	}

	/**
	 * The hash MariaDB keeps for a {@code mysql_native_password} account, {@code *} and
	 * SHA1(SHA1(password)) in hex: the server can be told it without the password itself
	 * being written down again.
	 */
	static String nativePasswordHash(String password) {
		try {
			MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
			byte[] once = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
			return "*" + HexFormat.of().withUpperCase().formatHex(sha1.digest(once));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
		}
	}

	static boolean isPosix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

	/**
	 * Narrows {@code path} to its owner on POSIX file systems; elsewhere (Windows) leaves
	 * it be.
	 */
	static void ownerOnly(Path path, Set<PosixFilePermission> permissions) throws IOException {
		if (isPosix()) {
			Files.setPosixFilePermissions(path, permissions);
		}
	}

	static FileAttribute<?>[] ownerOnlyAttribute() {
		return isPosix() ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY) }
				: new FileAttribute<?>[0];
	}
}
