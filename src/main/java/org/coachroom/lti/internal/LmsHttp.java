package org.coachroom.lti.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The one way out to an LMS: registration, key sets, tokens, rosters and gradebooks all
 * call through it. A URL in a registration or a launch is written by someone outside, so
 * every call
 * <ul>
 * <li>connects only to addresses it has checked itself: names are resolved here and the
 * addresses found are the ones connected to, so a name cannot resolve to a public address
 * for a check and a private one for the connection (DNS rebinding); private, loopback and
 * other non-public blocks are refused unless {@code coachroom.lti.allow-private-network}
 * is set;</li>
 * <li>follows no redirect (it could lead from the LMS to anywhere), uses no proxy from
 * the environment and keeps no cookies;</li>
 * <li>ends at {@code coachroom.lti.http-deadline} whatever the server does, a body
 * dripping a byte at a time included, on top of the connect and read timeouts
 * ({@code coachroom.lti.http-timeout}).</li>
 * </ul>
 * Callers read no more of a body than they can use.
 */
@Component
class LmsHttp implements DisposableBean {

	private final CloseableHttpClient httpClient;

	private final RestClient client;

	private final ScheduledExecutorService deadlines;

	LmsHttp(LtiProperties properties) {
		Timeout timeout = Timeout.of(properties.httpTimeout());
		this.httpClient = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new CheckedResolver(properties.allowPrivateNetwork()))
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(timeout)
					.setSocketTimeout(timeout)
					// a pooled connection the LMS closed while idle is checked before
					// reuse, instead of failing the request that takes it
					.setValidateAfterInactivity(TimeValue.ofSeconds(1))
					.build())
				.setMaxConnTotal(100)
				.setMaxConnPerRoute(20)
				.build())
			.setDefaultRequestConfig(
					RequestConfig.custom().setResponseTimeout(timeout).setConnectionRequestTimeout(timeout).build())
			.evictIdleConnections(TimeValue.ofSeconds(30))
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.build();
		this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "lms-http-deadline");
			thread.setDaemon(true);
			return thread;
		});
		long deadlineMillis = properties.httpDeadline().toMillis();
		HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory(httpClient) {
			@Override
			protected void postProcessHttpRequest(ClassicHttpRequest request) {
				// Cancelling a request that has finished (its connection back in the
				// pool) does nothing.
				if (request instanceof Cancellable cancellable) {
					deadlines.schedule(cancellable::cancel, deadlineMillis, TimeUnit.MILLISECONDS);
				}
			}
		};
		this.client = RestClient.builder().requestFactory(factory).build();
	}

	RestClient client() {
		return client;
	}

	/**
	 * Reads a platform's key set for Nimbus through this client, at most
	 * {@code maxBytes}.
	 */
	ResourceRetriever keySetRetriever(int maxBytes) {
		return url -> fetchKeySet(url, maxBytes);
	}

	private Resource fetchKeySet(URL url, int maxBytes) throws IOException {
		String scheme = url.getProtocol().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !scheme.equals("http")) {
			throw new IOException("A key set is fetched over http(s) only, not " + scheme);
		}
		try {
			return client.get()
				.uri(url.toURI())
				.accept(MediaType.APPLICATION_JSON, MediaType.ALL)
				.exchange((request, response) -> {
					if (!response.getStatusCode().is2xxSuccessful()) {
						throw new IOException("The key set URL answered HTTP " + response.getStatusCode().value());
					}
					byte[] bytes = response.getBody().readNBytes(maxBytes + 1);
					if (bytes.length > maxBytes) {
						throw new IOException("The key set is larger than " + maxBytes + " bytes");
					}
					MediaType type = response.getHeaders().getContentType();
					return new Resource(new String(bytes, StandardCharsets.UTF_8),
							type == null ? null : type.toString());
				});
		}
		catch (RestClientException | URISyntaxException e) {
			throw new IOException(describe(e), e);
		}
	}

	/**
	 * A short, log-safe account of why a call failed, naming a refused private address as
	 * such.
	 */
	static String describe(Exception e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof NotPublicException) {
				return t.getMessage();
			}
		}
		String message = e.getMessage();
		return e.getClass().getSimpleName() + (message == null ? "" : ": " + Logs.safe(message));
	}

	/** Whether a call failed because the host is on an address Coachroom may not call. */
	static boolean refusedAsPrivate(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof NotPublicException) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void destroy() throws IOException {
		deadlines.shutdownNow();
		httpClient.close();
	}

	/** The host resolves to an address Coachroom does not call. */
	static final class NotPublicException extends UnknownHostException {

		NotPublicException(String host) {
			super(Logs.safe(host) + " is on a private or local network address; Coachroom calls LMSs on public "
					+ "addresses only unless coachroom.lti.allow-private-network is set");
		}

	}

	/** Resolves names for the connections, and refuses when any address is not public. */
	static final class CheckedResolver implements DnsResolver {

		private final boolean allowPrivateNetwork;

		CheckedResolver(boolean allowPrivateNetwork) {
			this.allowPrivateNetwork = allowPrivateNetwork;
		}

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
			if (!allowPrivateNetwork) {
				for (InetAddress address : addresses) {
					if (NetworkGuard.isPrivate(address)) {
						throw new NotPublicException(host);
					}
				}
			}
			return addresses;
		}

		@Override
		public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
			List<InetSocketAddress> result = new ArrayList<>();
			for (InetAddress address : resolve(host)) {
				result.add(new InetSocketAddress(address, port));
			}
			return result;
		}

		@Override
		public String resolveCanonicalHostname(String host) throws UnknownHostException {
			// only asked for by SPNEGO/Kerberos, which calls to an LMS never use
			return host;
		}

	}

}
