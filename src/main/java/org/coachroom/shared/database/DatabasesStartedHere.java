package org.coachroom.shared.database;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JDBC URLs of database servers this JVM started itself (the embedded MariaDB of the
 * development run and the tests, which lives outside the production jar). The demo guard
 * trusts only these; the production jar starts none, so there the demo is always refused.
 */
public final class DatabasesStartedHere {

	private static final Set<String> urls = ConcurrentHashMap.newKeySet();

	private DatabasesStartedHere() {
	}

	public static void add(String jdbcUrl) {
		urls.add(jdbcUrl);
	}

	public static void remove(String jdbcUrl) {
		urls.remove(jdbcUrl);
	}

	public static boolean contains(String jdbcUrl) {
		return jdbcUrl != null && urls.contains(jdbcUrl);
	}

}
