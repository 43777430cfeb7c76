package org.coachroom.lti.internal;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.coachroom.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The tool keys as start-up finds them in the database: whatever way an earlier version
 * stored them, they end up encrypted the current way under the same kid, and a key that
 * cannot be opened stops the start rather than being replaced. Each start here is a new
 * {@link ToolKeys} on a database of its own.
 */
@Tag("database")
class ToolKeyEncryptionTests {

	static String database;

	static DataSource dataSource;

	JdbcClient jdbc;

	@TempDir
	Path dir;

	@BeforeAll
	static void migrate() {
		database = TestDatabase.freshDatabase("coachroom_keys");
		dataSource = new DriverManagerDataSource(database, TestDatabase.username(), TestDatabase.password());
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
	}

	@AfterAll
	static void drop() {
		TestDatabase.dropDatabase(database);
	}

	@BeforeEach
	void noKeys() {
		jdbc = JdbcClient.create(dataSource);
		jdbc.sql("DELETE FROM lti_tool_key").update();
	}

	@Test
	void byDefaultTheStoredPrivateKeyIsNotReadableAsAJwk() throws Exception {
		ToolKeys keys = start(null);

		String stored = storedPrivateKey(keys.signingKey().getKeyID());
		assertThat(stored).startsWith(KeyEncryption.FILE_PREFIX).doesNotContain("\"d\"");
		assertThatThrownBy(() -> JWK.parse(stored)).isInstanceOf(ParseException.class);
		assertThat(dir.resolve("tool-key-encryption.key")).exists();
		assertThat(keys.signingKey().isPrivate()).isTrue();
	}

	@Test
	void aKeyStoredInPlaintextIsReEncryptedAtStartAndStillSignsWithTheSameKid() throws Exception {
		RSAKey old = generate();
		storeActive(old, old.toJSONString());

		ToolKeys keys = start(null);

		assertThat(storedPrivateKey(old.getKeyID())).startsWith(KeyEncryption.FILE_PREFIX).doesNotContain("\"d\"");
		assertThat(keys.signingKey().getKeyID()).isEqualTo(old.getKeyID());
		assertThat(signedWith(keys.signingKey()).verify(new RSASSAVerifier(old.toPublicJWK()))).isTrue();
		assertThat(count()).as("no new key").isEqualTo(1);
	}

	@Test
	void aKeyStoredWithTheOldSha256SchemeIsReadAndReEncrypted() throws Exception {
		RSAKey old = generate();
		storeActive(old, KeyEncryptionTests.legacySeal("district secret", old.toJSONString()));

		ToolKeys keys = start("district secret");

		assertThat(storedPrivateKey(old.getKeyID())).startsWith(KeyEncryption.SECRET_PREFIX);
		assertThat(keys.signingKey().getKeyID()).isEqualTo(old.getKeyID());
		assertThat(signedWith(keys.signingKey()).verify(new RSASSAVerifier(old.toPublicJWK()))).isTrue();
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void aSecretSetLaterReEncryptsTheKeysOfTheKeyFileAtTheNextStart() {
		String kid = start(null).signingKey().getKeyID();

		ToolKeys keys = start("district secret");

		assertThat(storedPrivateKey(kid)).startsWith(KeyEncryption.SECRET_PREFIX);
		assertThat(keys.signingKey().getKeyID()).isEqualTo(kid);
	}

	@Test
	void aWrongSecretStopsTheStartNamingTheSettingAndKeepsTheKey() {
		String kid = start("district secret").signingKey().getKeyID();
		String stored = storedPrivateKey(kid);

		assertThatThrownBy(() -> start("another secret")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("coachroom.lti.keys.encryption-secret")
			.hasMessageNotContaining("another secret");

		assertThat(jdbc.sql("SELECT kid FROM lti_tool_key").query(String.class).list()).containsExactly(kid);
		assertThat(storedPrivateKey(kid)).isEqualTo(stored);
	}

	@Test
	void aMissingKeyFileStopsTheStartNamingTheSettingAndKeepsTheKey() {
		String kid = start(null).signingKey().getKeyID();
		String stored = storedPrivateKey(kid);
		Path elsewhere = dir.resolve("other");

		assertThatThrownBy(() -> start(null, elsewhere)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("coachroom.lti.keys.encryption-key-file")
			.hasMessageContaining("does not exist");

		assertThat(jdbc.sql("SELECT kid FROM lti_tool_key").query(String.class).list()).containsExactly(kid);
		assertThat(storedPrivateKey(kid)).isEqualTo(stored);
		assertThat(elsewhere.resolve("tool-key-encryption.key")).as("no key file of its own").doesNotExist();
	}

	private ToolKeys start(String secret) {
		return start(secret, dir);
	}

	private ToolKeys start(String secret, Path keyFileDir) {
		Map<String, String> settings = new HashMap<>();
		settings.put("coachroom.lti.keys.encryption-key-file",
				keyFileDir.resolve("tool-key-encryption.key").toString());
		if (secret != null) {
			settings.put("coachroom.lti.keys.encryption-secret", secret);
		}
		LtiProperties properties = TestLtiProperties.of(settings);
		ToolKeys keys = new ToolKeys(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
				properties, Clock.systemUTC());
		keys.afterSingletonsInstantiated();
		return keys;
	}

	/** A row as earlier versions wrote it. */
	private void storeActive(RSAKey key, String privateKey) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				INSERT INTO lti_tool_key (kid, private_key, public_jwk, state, created_at, activated_at)
				VALUES (?, ?, ?, 'ACTIVE', ?, ?)""")
			.params(key.getKeyID(), privateKey, key.toPublicJWK().toJSONString(), now, now)
			.update();
	}

	private String storedPrivateKey(String kid) {
		return jdbc.sql("SELECT private_key FROM lti_tool_key WHERE kid = ?").param(kid).query(String.class).single();
	}

	private int count() {
		return jdbc.sql("SELECT COUNT(*) FROM lti_tool_key").query(Integer.class).single();
	}

	private static SignedJWT signedWith(RSAKey key) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				new JWTClaimsSet.Builder().subject("test").build());
		jwt.sign(new RSASSASigner(key));
		return jwt;
	}

	private static RSAKey generate() throws Exception {
		return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256)
			.generate();
	}

}
