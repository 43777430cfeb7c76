package org.coachroom.lti.internal;

import java.net.http.HttpClient;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The one HTTP client Coachroom calls LMSs with (registration, tokens, rosters, gradebook): their
 * timeout ({@code coachroom.lti.http-timeout}), one connection pool, and no redirects, since a
 * redirect could lead from the LMS's host to anywhere.
 */
@Component
class LmsHttp {

	private final RestClient client;

	LmsHttp(LtiProperties properties) {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			.connectTimeout(properties.httpTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build());
		factory.setReadTimeout(properties.httpTimeout());
		this.client = RestClient.builder().requestFactory(factory).build();
	}

	RestClient client() {
		return client;
	}
}
