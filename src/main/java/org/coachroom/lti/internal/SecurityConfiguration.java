package org.coachroom.lti.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.coachroom.shared.web.PublicPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Who may reach what. What each module lists as {@link PublicPaths} is open (launch
 * endpoints: the id_token is the credential); everything else needs the session a launch
 * made. No HTTP session: any node serves any request.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	/**
	 * This module's own open paths: where platforms log in, launch and register, the key
	 * set, the page that asks for a new launch and the operator's pages (each form
	 * carries the operator's secret).
	 */
	@Bean
	PublicPaths ltiPublicPaths() {
		return new PublicPaths(
				List.of("/lti/login", "/lti/launch", "/lti/deeplink", "/lti/register", "/.well-known/jwks.json",
						"/session-ended", "/lti/operator", "/lti/operator/**"),
				// platforms post these cross-site by design; state, nonce and signature
				// protect them, and each operator form carries the operator's secret,
				// which a forged one cannot
				List.of("/lti/login", "/lti/launch", "/lti/deeplink", "/lti/operator", "/lti/operator/**"));
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, Sessions sessions, UrlTokens urlTokens,
			List<PublicPaths> contributed) throws Exception {
		String[] open = contributed.stream().flatMap(p -> p.open().stream()).distinct().toArray(String[]::new);
		String[] crossSite = contributed.stream()
			.flatMap(p -> p.crossSitePosts().stream())
			.distinct()
			.toArray(String[]::new);
		http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(c -> c.disable())
			.formLogin(f -> f.disable())
			.httpBasic(b -> b.disable())
			.logout(l -> l.disable())
			.anonymous(a -> {
			})
			.csrf(c -> c.csrfTokenRepository(new SessionCsrfTokenRepository()).ignoringRequestMatchers(crossSite))
			.headers(h -> h.frameOptions(f -> f.disable())
				.referrerPolicy(
						r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			.addFilterBefore(new SessionAuthenticationFilter(sessions, urlTokens), CsrfFilter.class)
			.authorizeHttpRequests(a -> a.requestMatchers(open).permitAll().anyRequest().authenticated())
			.exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfiguration::sessionEnded)
				.accessDeniedHandler((request, response, denied) -> forbidden(request, response)));
		return http.build();
	}

	/**
	 * Forms of a cookie-less session carry its URL token (GET forms drop the action's
	 * query).
	 */
	@Bean
	static UrlTokenFormFields urlTokenFormFields() {
		return new UrlTokenFormFields();
	}

	/** A servlet filter of its own, so that error pages carry the policy too. */
	@Bean
	FrameAncestors frameAncestors(PlatformDirectory directory, LoginStates loginStates, Sessions sessions) {
		return new FrameAncestors(directory, loginStates, sessions);
	}

	private static void sessionEnded(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException e) throws IOException {
		log.info("No launch session for {} {}: asked to launch again", request.getMethod(), request.getRequestURI());
		try {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			request.getRequestDispatcher("/session-ended").forward(request, response);
		}
		catch (ServletException ex) {
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
		}
	}

	private static void forbidden(HttpServletRequest request, HttpServletResponse response) throws IOException {
		log.info("Refused {} {}: not allowed for this person, or the form was stale (CSRF)", request.getMethod(),
				request.getRequestURI());
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

}
