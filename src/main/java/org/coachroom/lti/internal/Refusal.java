package org.coachroom.lti.internal;

import java.util.Locale;

import org.springframework.http.HttpStatus;

/**
 * Why Coachroom refused a login, launch or registration. Each reason has a page in plain
 * words ({@code lti.refusal.<code>.*} in messages.properties) and a 4xx status.
 */
public enum Refusal {

	// login initiation
	LOGIN_PARAMETER_MISSING(HttpStatus.BAD_REQUEST), LOGIN_PARAMETER_TOO_LONG(HttpStatus.BAD_REQUEST),
	LOGIN_PLATFORM_UNKNOWN(HttpStatus.BAD_REQUEST), LOGIN_CLIENT_AMBIGUOUS(HttpStatus.BAD_REQUEST),
	LOGIN_TARGET_INVALID(HttpStatus.BAD_REQUEST), LOGIN_TARGET_ELSEWHERE(HttpStatus.BAD_REQUEST),
	LOGIN_TOO_MANY(HttpStatus.TOO_MANY_REQUESTS), LOGIN_PLATFORM_ERROR(HttpStatus.BAD_REQUEST),
	// state and browser
	STATE_MISSING(HttpStatus.BAD_REQUEST), STATE_UNKNOWN(HttpStatus.BAD_REQUEST), STATE_EXPIRED(HttpStatus.BAD_REQUEST),
	STATE_OTHER_BROWSER(HttpStatus.FORBIDDEN), STATE_ALREADY_USED(HttpStatus.BAD_REQUEST),
	// the id_token itself
	TOKEN_MISSING(HttpStatus.BAD_REQUEST), TOKEN_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
	TOKEN_MALFORMED(HttpStatus.BAD_REQUEST), TOKEN_ALGORITHM(HttpStatus.UNAUTHORIZED),
	TOKEN_KEY_UNKNOWN(HttpStatus.UNAUTHORIZED), TOKEN_KEYS_UNAVAILABLE(HttpStatus.FAILED_DEPENDENCY),
	TOKEN_SIGNATURE(HttpStatus.UNAUTHORIZED), TOKEN_ISSUER(HttpStatus.UNAUTHORIZED),
	TOKEN_AUDIENCE(HttpStatus.UNAUTHORIZED), TOKEN_EXPIRED(HttpStatus.UNAUTHORIZED),
	TOKEN_FROM_FUTURE(HttpStatus.UNAUTHORIZED), NONCE_NOT_ISSUED(HttpStatus.UNAUTHORIZED),
	NONCE_REPLAYED(HttpStatus.UNAUTHORIZED), DEPLOYMENT_UNKNOWN(HttpStatus.FORBIDDEN),
	PLATFORM_PENDING(HttpStatus.FORBIDDEN), MESSAGE_TYPE(HttpStatus.BAD_REQUEST),
	MESSAGE_VERSION(HttpStatus.BAD_REQUEST), CLAIM_MISSING(HttpStatus.BAD_REQUEST),
	// dynamic registration
	REGISTRATION_PARAMETER_MISSING(HttpStatus.BAD_REQUEST),
	REGISTRATION_CONFIGURATION_UNREADABLE(HttpStatus.BAD_REQUEST), REGISTRATION_REJECTED(HttpStatus.BAD_REQUEST),
	REGISTRATION_NOT_INVITED(HttpStatus.FORBIDDEN), REGISTRATION_INVITE_INVALID(HttpStatus.FORBIDDEN),
	REGISTRATION_PENDING_FULL(HttpStatus.TOO_MANY_REQUESTS), REGISTRATION_PRIVATE_NETWORK(HttpStatus.FORBIDDEN);

	private final HttpStatus status;

	Refusal(HttpStatus status) {
		this.status = status;
	}

	public HttpStatus status() {
		return status;
	}

	/** The key of this reason in messages.properties, e.g. {@code token-expired}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
