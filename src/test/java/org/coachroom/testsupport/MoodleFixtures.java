package org.coachroom.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Real Moodle 4.5.6 traffic, byte for byte (src/test/resources/fixtures/moodle-4.5,
 * copied from the team's shared captures with their README of Moodle's quirks).
 */
public final class MoodleFixtures {

	/** Where the lab Moodle ran; tests replace it with their WireMock's address. */
	public static final String LAB_MOODLE = "http://127.0.0.1:8081";

	private MoodleFixtures() {
	}

	public static String read(String name) {
		try (InputStream in = MoodleFixtures.class.getResourceAsStream("/fixtures/moodle-4.5/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No Moodle fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The fixture with the lab Moodle's address (plain or with escaped slashes) replaced
	 * by {@code base}.
	 */
	public static String readFor(String name, String base) {
		String escapedLab = LAB_MOODLE.replace("/", "\\/");
		return read(name).replace(LAB_MOODLE, base).replace(escapedLab, base.replace("/", "\\/"));
	}

}
