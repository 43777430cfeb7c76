package org.coachroom.lti.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClientException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one way out to an LMS, tried against hostile servers on this machine: it connects
 * only to the addresses it checked, follows no redirect, and gives up at its deadline
 * whatever the server does.
 */
class LmsHttpTests {

	private final Map<String, HttpServer> servers = new HashMap<>();

	private final AtomicInteger reached = new AtomicInteger();

	private LmsHttp http;

	@AfterEach
	void tearDown() throws IOException {
		servers.values().forEach(s -> s.stop(0));
		if (http != null) {
			http.destroy();
		}
	}

	private static LmsHttp lmsHttp(Map<String, String> settings) {
		return new LmsHttp(TestLtiProperties.of(settings));
	}

	/**
	 * A server on 127.0.0.1 that counts its requests and answers 200, or a redirect to
	 * {@code location}.
	 */
	private String server(String name, String location) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", exchange -> {
			reached.incrementAndGet();
			byte[] body = "{\"keys\":[]}".getBytes(StandardCharsets.UTF_8);
			if (location != null) {
				exchange.getResponseHeaders().add("Location", location);
				exchange.sendResponseHeaders(302, -1);
			}
			else {
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
			}
			exchange.close();
		});
		server.start();
		servers.put(name, server);
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	@Test
	void connectsToNoPrivateAddressUnlessAllowed() throws IOException {
		String internal = server("internal", null);
		http = lmsHttp(Map.of());

		assertThatThrownBy(() -> http.client().get().uri(URI.create(internal + "/admin")).retrieve().toBodilessEntity())
			.isInstanceOf(RestClientException.class)
			.satisfies(e -> assertThat(LmsHttp.refusedAsPrivate(e)).isTrue());
		assertThat(reached).as("requests that reached the internal server").hasValue(0);
	}

	@Test
	void aNameIsJudgedByTheAddressesItResolvesToWhenConnecting() throws IOException {
		// "localhost" passes any check of the name; the connection would go to 127.0.0.1
		String internal = server("internal", null).replace("127.0.0.1", "localhost");
		http = lmsHttp(Map.of());

		assertThatThrownBy(() -> http.client().get().uri(URI.create(internal + "/")).retrieve().toBodilessEntity())
			.satisfies(e -> assertThat(LmsHttp.refusedAsPrivate(e)).isTrue());
		assertThat(reached).hasValue(0);
		assertThatThrownBy(() -> new LmsHttp.CheckedResolver(false).resolve("localhost"))
			.isInstanceOf(LmsHttp.NotPublicException.class);
	}

	@Test
	void reachesAnLmsOnThisMachineWhenTheOperatorAllowsIt() throws IOException {
		String lms = server("lms", null);
		http = lmsHttp(Map.of("coachroom.lti.allow-private-network", "true"));

		assertThat(http.client().get().uri(URI.create(lms + "/")).retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(200);
		assertThat(reached).hasValue(1);
	}

	@Test
	void followsNoRedirect() throws IOException {
		String elsewhere = server("elsewhere", null);
		String lms = server("lms", elsewhere + "/secret");
		http = lmsHttp(Map.of("coachroom.lti.allow-private-network", "true"));

		int status = http.client()
			.get()
			.uri(URI.create(lms + "/.well-known/openid-configuration"))
			.exchange((request, response) -> response.getStatusCode().value());

		assertThat(status).isEqualTo(302);
		assertThat(reached).as("only the first server was asked").hasValue(1);
	}

	@Test
	void aKeySetIsFetchedWithoutRedirectsAndOnlyFromPublicAddresses() throws IOException {
		String elsewhere = server("elsewhere", null);
		String lms = server("lms", elsewhere + "/keys");
		LmsHttp allowing = lmsHttp(Map.of("coachroom.lti.allow-private-network", "true"));
		http = lmsHttp(Map.of());
		try {
			assertThatThrownBy(() -> allowing.keySetRetriever(1024).retrieveResource(new URL(lms + "/jwks")))
				.isInstanceOf(IOException.class)
				.hasMessageContaining("302");
			assertThat(reached).as("the redirect was not followed").hasValue(1);

			assertThatThrownBy(() -> http.keySetRetriever(1024).retrieveResource(new URL(elsewhere + "/keys")))
				.isInstanceOf(IOException.class)
				.hasMessageContaining("private or local network");
			assertThat(reached).hasValue(1);

			assertThatThrownBy(() -> allowing.keySetRetriever(1024).retrieveResource(new URL("file:///etc/passwd")))
				.isInstanceOf(IOException.class);
			assertThat(allowing.keySetRetriever(1024).retrieveResource(new URL(elsewhere + "/keys")).getContent())
				.isEqualTo("{\"keys\":[]}");
			assertThatThrownBy(() -> allowing.keySetRetriever(5).retrieveResource(new URL(elsewhere + "/keys")))
				.isInstanceOf(IOException.class)
				.hasMessageContaining("larger than 5 bytes");
		}
		finally {
			allowing.destroy();
		}
	}

	@Test
	void aServerDrippingItsAnswerIsCutOffAtTheDeadline() throws Exception {
		try (ServerSocket dripping = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			Thread drip = new Thread(() -> {
				try (Socket socket = dripping.accept()) {
					socket.getInputStream().read(new byte[4096]);
					OutputStream out = socket.getOutputStream();
					out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
						.getBytes(StandardCharsets.US_ASCII));
					// a byte every 300 ms: each read finishes well within the read
					// timeout, the whole never does
					for (int i = 0; i < 100; i++) {
						out.write('{');
						out.flush();
						Thread.sleep(300);
					}
				}
				catch (IOException | InterruptedException e) {
					// the client hung up, as it should
				}
			});
			drip.setDaemon(true);
			drip.start();
			http = lmsHttp(Map.of("coachroom.lti.allow-private-network", "true", "coachroom.lti.http-timeout", "2s",
					"coachroom.lti.http-deadline", "1500ms"));
			long started = System.nanoTime();

			assertThatThrownBy(() -> http.keySetRetriever(1_000_000)
				.retrieveResource(new URL("http://127.0.0.1:" + dripping.getLocalPort() + "/jwks")))
				.isInstanceOf(IOException.class);

			Duration took = Duration.ofNanos(System.nanoTime() - started);
			assertThat(took).isLessThan(Duration.ofSeconds(4));
		}
	}

}
