package org.coachroom.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Makes the tests' temp folder ({@code java.io.tmpdir}, target/tmp as the build sets it)
 * before any test runs: the JVM does not make it, and temp files fail without it.
 */
public class TestTempFolder implements LauncherSessionListener {

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		try {
			Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
