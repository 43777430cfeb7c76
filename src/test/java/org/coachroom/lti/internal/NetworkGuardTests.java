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
		for (String url : new String[] { "http://127.0.0.1:8081/x", "http://localhost/x",
				"http://169.254.169.254/latest", "http://10.1.2.3/x", "http://192.168.0.10/x", "http://[::1]/x",
				"http://[fd00::1]/x" }) {
			assertThatThrownBy(() -> NetworkGuard.requirePublic(URI.create(url), false, "openid_configuration URL"))
				.as(url)
				.isInstanceOf(RefusedException.class)
				.hasMessageContaining("private or local network");
		}
	}

	@Test
	void refusesSharedCarrierGradeBenchmarkingTranslatedAndOtherSpecialPurposeBlocks() throws Exception {
		for (String address : new String[] { "100.64.0.1", "100.127.255.254", "198.18.0.1", "198.19.255.1", "0.0.0.1",
				"192.0.0.8", "192.0.2.1", "198.51.100.7", "203.0.113.9", "240.0.0.1", "255.255.255.255",
				"64:ff9b::a00:1", "64:ff9b::5db8:d822", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::127.0.0.1",
				"2001:db8::1", "2002:7f00:1::1", "fe80::1", "fec0::1", "ff02::1", "::" }) {
			assertThat(NetworkGuard.isPrivate(InetAddress.getByName(address))).as(address).isTrue();
		}
	}

	@Test
	void keepsTheEdgesOfThoseBlocksPublic() throws Exception {
		for (String address : new String[] { "100.63.255.255", "100.128.0.1", "198.17.255.255", "198.20.0.1",
				"2606:4700::1111", "64:ff9c::1", "::ffff:93.184.216.34" }) {
			assertThat(NetworkGuard.isPrivate(InetAddress.getByName(address))).as(address).isFalse();
		}
	}

	@Test
	void allowsPublicAddressesAndPrivateOnesWhenConfigured() throws Exception {
		assertThat(NetworkGuard.isPrivate(InetAddress.getByName("93.184.216.34"))).isFalse();
		assertThatCode(() -> NetworkGuard.requirePublic(URI.create("http://127.0.0.1/x"), true, "url"))
			.doesNotThrowAnyException();
	}

}
