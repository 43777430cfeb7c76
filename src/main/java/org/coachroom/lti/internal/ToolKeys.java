package org.coachroom.lti.internal;

import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tool's RSA signing keys, kept in the database so every node signs with the same
 * key. Rotation publishes the next key {@code nextKeyLead} before it signs, and keeps a
 * retired key published for {@code retiredGrace}, so platforms that cache our JWKS never
 * meet an unknown kid. Private keys are stored encrypted ({@link KeyEncryption});
 * start-up seals again any key stored another way.
 */
@Component
public class ToolKeys implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(ToolKeys.class);

	enum State {

		NEXT, ACTIVE, RETIRED

	}

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final LtiProperties.Keys settings;

	private final Clock clock;

	private final KeyEncryption encryption;

	private volatile Cached cached;

	/**
	 * Opened private keys by kid: a key never changes under its kid, and opening one runs
	 * a slow KDF.
	 */
	private final Map<String, RSAKey> opened = new ConcurrentHashMap<>();

	private record Cached(RSAKey signingKey, JWKSet publicSet, Instant loadedAt) {
	}

	ToolKeys(JdbcClient jdbc, TransactionTemplate tx, LtiProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.settings = properties.keys();
		this.clock = clock;
		this.encryption = KeyEncryption.of(properties.keys());
	}

	/**
	 * Seals again the keys stored unencrypted or in an older format, and on first start
	 * makes a key; under the lock, so two nodes starting together agree. Runs before the
	 * web server accepts requests, so the JWKS is never empty. A key that cannot be
	 * opened (a wrong secret, a missing key file) stops the start here, and is never
	 * replaced by a new one: every LMS registration trusts the stored key.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		tx.executeWithoutResult(status -> {
			lock();
			sealAgainWhereNeeded();
			if (count(State.ACTIVE) == 0) {
				insert(generate(), State.ACTIVE, clock.instant());
				log.info("Generated the tool's first signing key, encrypted with {}", encryption.describe());
			}
		});
		cached = null;
		load();
	}

	private void sealAgainWhereNeeded() {
		List<KeyRow> rows = rows();
		int sealed = 0;
		for (KeyRow row : rows) {
			if (encryption.isCurrent(row.privateJwk())) {
				continue;
			}
			RSAKey key = open(row);
			// Conditioned on the old value as well as held under the lock: a value is
			// replaced only as it was read.
			sealed += jdbc.sql("UPDATE lti_tool_key SET private_key = ? WHERE kid = ? AND private_key = ?")
				.params(encryption.seal(key.toJSONString()), row.kid(), row.privateJwk())
				.update();
		}
		if (sealed > 0) {
			log.info("Re-encrypted {} stored tool key(s) with {}", sealed, encryption.describe());
		}
	}

	/** The key that signs now: its kid is in the published set. */
	public RSAKey signingKey() {
		return load().signingKey();
	}

	/** The public keys to publish: next, active and recently retired. */
	public JWKSet publicKeys() {
		return load().publicSet();
	}

	/**
	 * Every hour, on one node of many (ShedLock). The steps still take the key table's
	 * row lock, since a starting node (the first key) and a rotation asked for by hand
	 * must wait for it, where ShedLock would skip.
	 */
	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
	@SchedulerLock(name = "lti-tool-key-rotation", lockAtMostFor = "PT10M")
	public void rotateWhenDue() {
		rotate(clock.instant(), false);
	}

	/**
	 * Starts a rotation now: the next key is published at once and signs after
	 * {@code nextKeyLead}.
	 */
	public void startRotation() {
		rotate(clock.instant(), true);
	}

	void rotate(Instant now, boolean force) {
		tx.executeWithoutResult(status -> {
			lock();
			Instant activatedAt = jdbc.sql("SELECT activated_at FROM lti_tool_key WHERE state = 'ACTIVE'")
				.query(Timestamp.class)
				.optional()
				.map(Timestamp::toInstant)
				.orElse(null);
			boolean hasNext = count(State.NEXT) > 0;
			if (!hasNext && (force || activatedAt == null
					|| !now.isBefore(activatedAt.plus(settings.rotationInterval()).minus(settings.nextKeyLead())))) {
				insert(generate(), State.NEXT, now);
				log.info("Published the next tool key; it signs from {}", now.plus(settings.nextKeyLead()));
				hasNext = true;
			}
			Instant nextCreated = jdbc.sql("SELECT created_at FROM lti_tool_key WHERE state = 'NEXT'")
				.query(Timestamp.class)
				.optional()
				.map(Timestamp::toInstant)
				.orElse(null);
			if (nextCreated != null && !now.isBefore(nextCreated.plus(settings.nextKeyLead()))) {
				jdbc.sql("UPDATE lti_tool_key SET state = 'RETIRED', retired_at = ? WHERE state = 'ACTIVE'")
					.param(Timestamp.from(now))
					.update();
				jdbc.sql("UPDATE lti_tool_key SET state = 'ACTIVE', activated_at = ? WHERE state = 'NEXT'")
					.param(Timestamp.from(now))
					.update();
				log.info("The next tool key now signs; the previous one stays published for {}",
						settings.retiredGrace());
			}
			int removed = jdbc.sql("DELETE FROM lti_tool_key WHERE state = 'RETIRED' AND retired_at <= ?")
				.param(Timestamp.from(now.minus(settings.retiredGrace())))
				.update();
			if (removed > 0) {
				log.info("Removed {} retired tool key(s) after their grace period", removed);
			}
		});
		cached = null;
	}

	private Cached load() {
		Cached c = cached;
		Instant now = clock.instant();
		// Other nodes may rotate: re-read now and then; a rotation's next key is
		// published days ahead.
		if (c == null || c.loadedAt().plusSeconds(60).isBefore(now)) {
			c = read(now);
			cached = c;
		}
		return c;
	}

	private Cached read(Instant now) {
		List<KeyRow> rows = rows();
		RSAKey signing = null;
		List<JWK> published = new ArrayList<>();
		try {
			for (KeyRow row : rows) {
				published.add(RSAKey.parse(row.publicJwk()));
				if (row.state() == State.ACTIVE) {
					signing = open(row);
				}
			}
		}
		catch (ParseException e) {
			throw new IllegalStateException("A stored tool key cannot be read", e);
		}
		if (signing == null) {
			throw new IllegalStateException("The tool has no active signing key");
		}
		Set<String> kids = rows.stream().map(KeyRow::kid).collect(Collectors.toSet());
		opened.keySet().retainAll(kids);
		return new Cached(signing, new JWKSet(published), now);
	}

	private List<KeyRow> rows() {
		return jdbc.sql("SELECT kid, private_key, public_jwk, state FROM lti_tool_key ORDER BY created_at")
			.query((rs, i) -> new KeyRow(rs.getString("kid"), rs.getString("private_key"), rs.getString("public_jwk"),
					State.valueOf(rs.getString("state"))))
			.list();
	}

	private RSAKey open(KeyRow row) {
		return opened.computeIfAbsent(row.kid(), kid -> {
			String jwk;
			try {
				jwk = encryption.open(row.privateJwk());
			}
			catch (IllegalStateException e) {
				throw new IllegalStateException("Tool key " + kid + ": " + e.getMessage());
			}
			try {
				return RSAKey.parse(jwk);
			}
			catch (ParseException e) {
				// The message would quote the key material: say which key, not why.
				throw new IllegalStateException("Tool key " + kid + " is not a readable JWK once opened");
			}
		});
	}

	private record KeyRow(String kid, String privateJwk, String publicJwk, State state) {
	}

	private void lock() {
		jdbc.sql("SELECT id FROM lti_tool_key_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
	}

	private int count(State state) {
		return jdbc.sql("SELECT COUNT(*) FROM lti_tool_key WHERE state = ?")
			.param(state.name())
			.query(Integer.class)
			.single();
	}

	private void insert(RSAKey key, State state, Instant now) {
		jdbc.sql("""
				INSERT INTO lti_tool_key (kid, private_key, public_jwk, state, created_at, activated_at)
				VALUES (:kid, :priv, :pub, :state, :now, :activated)""")
			.param("kid", key.getKeyID())
			.param("priv", encryption.seal(key.toJSONString()))
			.param("pub", key.toPublicJWK().toJSONString())
			.param("state", state.name())
			.param("now", Timestamp.from(now))
			.param("activated", state == State.ACTIVE ? Timestamp.from(now) : null)
			.update();
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException e) {
			throw new IllegalStateException("Could not generate an RSA key", e);
		}
	}

}
