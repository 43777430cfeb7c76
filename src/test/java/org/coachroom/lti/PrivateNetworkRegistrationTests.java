package org.coachroom.lti;

import org.coachroom.testsupport.LaunchClient;
import org.coachroom.testsupport.LaunchTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the production default, registration does not fetch from the server's own network,
 * and says so.
 */
@LaunchTest
@TestPropertySource(properties = "coachroom.lti.allow-private-network=false")
class PrivateNetworkRegistrationTests {

	@LocalServerPort
	int port;

	@Test
	void theRefusalOfAnLmsOnAPrivateNetworkNamesTheRealReason() {
		// localhost is a listed host in the tests, so only its address stands in the way
		LaunchClient.Response page = new LaunchClient("http://localhost:" + port)
			.get("/lti/register?openid_configuration=http://localhost:9/mod/lti/openid-configuration.php");

		assertThat(page.status()).isEqualTo(403);
		assertThat(page.refusalCode()).isEqualTo("registration-private-network");
		assertThat(page.body()).contains("Coachroom was not registered")
			.contains("address is on a private or local network")
			.contains("coachroom.lti.allow-private-network")
			.doesNotContain("could not open")
			.doesNotContain("open Coachroom again");
	}

}
