package org.coachroom.lti.internal;

import java.net.URI;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who may register an LMS with this Coachroom. Every registration is a tenant, so not
 * anyone may make one: an LMS on a host the operator listed, or one that brings an
 * invitation a district admin or the operator issued, is active at once; others only when
 * the operator turned open registration on, and then they wait for approval. Decided
 * before Coachroom fetches or posts anything.
 */
@Component
class RegistrationAdmission {

	private static final Logger log = LoggerFactory.getLogger(RegistrationAdmission.class);

	private final RegistrationInvites invites;

	private final Platforms platforms;

	private final boolean openRegistration;

	private final int maxPendingRegistrations;

	private final List<String> allowedHosts;

	RegistrationAdmission(LtiProperties properties, RegistrationInvites invites, Platforms platforms) {
		this.invites = invites;
		this.platforms = platforms;
		this.openRegistration = properties.openRegistration();
		this.maxPendingRegistrations = properties.maxPendingRegistrations();
		this.allowedHosts = properties.registrationAllowedHosts();
	}

	/** Why a registration may go ahead. */
	enum Admission {

		/**
		 * From a host in {@code coachroom.lti.registration-allowed-hosts}: active at
		 * once.
		 */
		LISTED_HOST,
		/**
		 * With an unused, unexpired invitation: active at once, and the invitation is
		 * spent.
		 */
		INVITE,
		/** Open registration: the new platform waits for the operator's approval. */
		OPEN

	}

	/** Who may register at all, decided before Coachroom fetches or posts anything. */
	Admission admit(URI configUri, String invite) {
		if (invite != null && !invite.isBlank()) {
			if (!invites.usable(invite.trim())) {
				throw inviteNotUsable();
			}
			return Admission.INVITE;
		}
		if (listedHost(configUri.getHost())) {
			return Admission.LISTED_HOST;
		}
		if (openRegistration) {
			if (platforms.countByStatus(Platform.Status.PENDING) >= maxPendingRegistrations) {
				throw tooManyPending(maxPendingRegistrations);
			}
			return Admission.OPEN;
		}
		log.warn(
				"Dynamic registration from {} refused: no invitation, host not in coachroom.lti.registration-allowed-hosts, "
						+ "open registration off",
				Logs.safe(configUri.getHost()));
		throw new RefusedException(Refusal.REGISTRATION_NOT_INVITED,
				"Registering an LMS with this Coachroom needs an "
						+ "invitation: a registration URL from your district's Coachroom admin, or the LMS's host ("
						+ Logs.safe(configUri.getHost()) + ") listed by the Coachroom operator in "
						+ "coachroom.lti.registration-allowed-hosts.");
	}

	static RefusedException inviteNotUsable() {
		return new RefusedException(Refusal.REGISTRATION_INVITE_INVALID, "This registration URL was already used, has "
				+ "expired, or was never issued. Each one works once; ask your district's Coachroom admin for a new one.");
	}

	static RefusedException tooManyPending(int max) {
		return new RefusedException(Refusal.REGISTRATION_PENDING_FULL, max + " registrations are already waiting for "
				+ "the Coachroom operator's approval; no more are taken until they are approved or refused.");
	}

	/**
	 * Whether the operator listed this host in
	 * {@code coachroom.lti.registration-allowed-hosts}.
	 */
	boolean listedHost(String host) {
		return host != null && allowedHosts.stream().anyMatch(h -> h.equalsIgnoreCase(host));
	}

}
