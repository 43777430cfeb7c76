package org.coachroom.lti.internal;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class LandingRequestTests {

	private static MockHttpServletRequest launchPost() {
		MockHttpServletRequest post = new MockHttpServletRequest("POST", "/lti/launch");
		post.setContentType("application/x-www-form-urlencoded");
		post.addParameter("id_token", "eyJ.signed.token");
		post.addParameter("state", "s-123");
		return post;
	}

	@Test
	void theLandedPageSeesAGetWithoutTheLaunchsFormFields() {
		LandingRequest landing = new LandingRequest(launchPost(), null);

		assertThat(landing.getMethod()).isEqualTo("GET");
		assertThat(landing.getParameter("id_token")).isNull();
		assertThat(landing.getParameter("state")).isNull();
		assertThat(landing.getParameterMap()).isEmpty();
		assertThat(landing.getParameterNames().hasMoreElements()).isFalse();
		assertThat(landing.getContentType()).isNull();
	}

	@Test
	void theLandedPageSeesOnlyItsOwnQuery() {
		LandingRequest landing = new LandingRequest(launchPost(), "as=COACH&tab=a%20b&tab=c&state=x");

		assertThat(landing.getParameter("as")).isEqualTo("COACH");
		assertThat(landing.getParameterValues("tab")).containsExactly("a b", "c");
		assertThat(landing.getParameter("state")).as("its own query's, not the launch's").isEqualTo("x");
		assertThat(landing.getParameter("id_token")).isNull();
	}

}
