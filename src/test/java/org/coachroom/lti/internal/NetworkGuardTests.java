package org.coachroom.lti.internal;

import java.net.InetAddress;
import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dynamic registration cannot be pointed at the server's own network. */
class NetworkGuardTests {

	@Test
	void refusesLoopbackLinkLocalAndPrivateAddresses() {
		for (String url : new String[] { "http://127.0.0.1:8081/x", "http://localhost/x", "http://169.254.169.254/latest",
				"http://10.1.2.3/x", "http://192.168.0.10/x", "http://[::1]/x", "http://[fd00::1]/x" }) {
			assertThatThrownBy(() -> NetworkGuard.requirePublic(URI.create(url), false, "openid_configuration URL"))
				.as(url)
				.isInstanceOf(RefusedException.class)
				.hasMessageContaining("private or local network");
		}
	}

	@Test
	void allowsPublicAddressesAndPrivateOnesWhenConfigured() throws Exception {
		assertThat(NetworkGuard.isPrivate(InetAddress.getByName("93.184.216.34"))).isFalse();
		assertThatCode(() -> NetworkGuard.requirePublic(URI.create("http://127.0.0.1/x"), true, "url"))
			.doesNotThrowAnyException();
	}
}
