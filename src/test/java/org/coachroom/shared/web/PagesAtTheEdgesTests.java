package org.coachroom.shared.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.coachroom.lti.PlatformRegistry;
import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.coachroom.testsupport.Launcher;
import org.coachroom.testsupport.TestPlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests a browser makes on its own, or a person types, get a page, not an error. */
@LaunchTest
@ExtendWith(OutputCaptureExtension.class)
class PagesAtTheEdgesTests {

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	TestPlatform platform;

	@AfterEach
	void tearDown() {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void theBrowsersOwnRequestForAnIconGetsOne() {
		LaunchClient.Bytes icon = new LaunchClient("http://localhost:" + port).getBytes("/favicon.ico");
		assertThat(icon.status()).isEqualTo(200);
		assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/");
		assertThat(icon.body()).hasSizeGreaterThan(50);
	}

	@Test
	void theErrorPageAskedForDirectlyIsNotFoundNotAServerError() {
		assertThat(new LaunchClient("http://localhost:" + port).get("/error").status()).isEqualTo(404);
		assertThat(raw("GET", "/error", null).status()).isEqualTo(404);
	}

	@Test
	void theSignedOutPageWithoutTheDemoSaysToOpenCoachroomAgainFromTheCourse() {
		LaunchClient.Response page = new LaunchClient("http://localhost:" + port).get("/session-ended?signed-out");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("open Coachroom again from your course in the LMS")
			.doesNotContain("back-to-demo");
	}

	@Test
	void anAddressWithASlashAtTheEndLeadsToThePage() {
		LaunchClient teacher = teacher();

		LaunchClient.Response slashed = teacher.get("/groups/?from=typed");
		assertThat(slashed.status()).isEqualTo(301);
		assertThat(slashed.location()).isEqualTo("/groups?from=typed");
		assertThat(teacher.get(slashed.location()).status()).isEqualTo(200);
	}

	@Test
	void anEncodedNulOrEncodedSlashInAnAddressGetsCoachroomsBadRequestPageNotTomcats(CapturedOutput output) {
		String cookie = "coachroom_session=" + teacher().cookie("coachroom_session");
		for (String path : new String[] { "/groups/%00", "/pd/..%2f..%2fetc", "/groups/a%2fb", "/groups/%2e%2e/x",
				"/groups;x=1", "/groups/%5c..", "//groups" }) {
			for (String who : new String[] { null, cookie }) {
				Raw answer = raw("GET", path, who);
				assertThat(answer.status()).as(path).isEqualTo(400);
				assertThat(answer.body()).as(path)
					.contains("Coachroom could not understand that request")
					.doesNotContain("HTTP Status 400")
					.doesNotContain("Exception")
					.doesNotContain("Tomcat");
			}
		}
		assertThat(output.getOut()).contains("Refused a request").doesNotContain("\tat org.");
	}

	@Test
	void aMalformedQueryStringGetsABadRequestPageAndOneLineInTheLogNotAStackTrace(CapturedOutput output) {
		String cookie = "coachroom_session=" + teacher().cookie("coachroom_session");
		Raw answer = raw("GET", "/home?x=%%%", cookie);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("Coachroom could not understand that request").doesNotContain("Exception");
		assertThat(output.getOut()).doesNotContain("\tat org.").doesNotContain("\tat java.");
	}

	@Test
	void aFormTooLargeIsToldSoNotThatFilesAreAtMostTenMegabytes() {
		LaunchClient teacher = teacher();
		String csrf = teacher.csrfFrom("/home");
		Raw answer = raw("POST", "/groups", "coachroom_session=" + teacher.cookie("coachroom_session"),
				"_csrf=" + csrf + "&title=" + "x".repeat(3 * 1024 * 1024));
		assertThat(answer.status()).isIn(400, 413);
		assertThat(answer.body()).contains("too long for Coachroom").doesNotContain("10 MB");

		LaunchClient.Response upload = teacher.postFile("/groups/1/files", Map.of("_csrf", csrf), "file", "big.pdf",
				"application/pdf", new byte[12 * 1024 * 1024]);
		assertThat(upload.status()).isEqualTo(413);
		assertThat(upload.body()).contains("at most 10 MB");
	}

	private LaunchClient teacher() {
		platform = TestPlatform.start();
		platform.registerWith(registry);
		String course = "edges-" + UUID.randomUUID();
		Launcher launcher = new Launcher(port, platform, jdbc);
		try {
			return launcher.launch("t-" + course, "Tess Teacher", TestPlatform.LEARNER, course, "Hub").browser();
		}
		catch (AssertionError keysNotFetchedInTime) {
			// on a busy machine the first fetch of the test LMS's keys may outlast the
			// tests' 2 s timeout: these tests are about what follows a launch
			return launcher.launch("t-" + course, "Tess Teacher", TestPlatform.LEARNER, course, "Hub").browser();
		}
	}

	private record Raw(int status, String body) {
	}

	/**
	 * A request sent as written, byte for byte: HTTP clients clean up or refuse the
	 * addresses this class is about.
	 */
	private Raw raw(String method, String target, String cookie) {
		return raw(method, target, cookie, null);
	}

	private Raw raw(String method, String target, String cookie, String form) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(15_000);
			OutputStream out = socket.getOutputStream();
			out.write((method + " " + target + " HTTP/1.1\r\nHost: localhost:" + port
					+ "\r\nAccept: text/html,application/xhtml+xml,*/*;q=0.8\r\nConnection: close\r\n"
					+ (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
					+ (form == null ? ""
							: "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
									+ "\r\n")
					+ "\r\n" + (form == null ? "" : form))
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			String response = all.toString(StandardCharsets.UTF_8);
			int status = Integer.parseInt(response.substring(9, 12));
			int bodyAt = response.indexOf("\r\n\r\n");
			return new Raw(status, bodyAt < 0 ? "" : response.substring(bodyAt + 4));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
