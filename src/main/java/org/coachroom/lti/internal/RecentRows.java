package org.coachroom.lti.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this node last read or wrote for a key, kept for a short while and for a bounded number of
 * keys, so that a relaunch with unchanged data needs no query. Forgetting is always safe: the
 * caller then reads the row again.
 */
final class RecentRows<K, V> {

	private final int capacity;

	private final Duration ttl;

	private final Clock clock;

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private record Entry<V>(V value, Instant keptAt) {
	}

	RecentRows(int capacity, Duration ttl, Clock clock) {
		this.capacity = capacity;
		this.ttl = ttl;
		this.clock = clock;
	}

	/** The value kept for the key, or null when there is none or it is older than the TTL. */
	V get(K key) {
		Entry<V> entry = entries.get(key);
		if (entry == null) {
			return null;
		}
		if (entry.keptAt().plus(ttl).isBefore(clock.instant())) {
			entries.remove(key, entry);
			return null;
		}
		return entry.value();
	}

	void put(K key, V value) {
		if (entries.size() >= capacity) {
			// Rarely reached (a node sees far fewer people within the TTL); starting over is cheap and bounded.
			entries.clear();
		}
		entries.put(key, new Entry<>(value, clock.instant()));
	}

	void remove(K key) {
		entries.remove(key);
	}

	void clear() {
		entries.clear();
	}
}
