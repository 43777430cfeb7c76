package org.coachroom.lti.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the LTI module ({@code coachroom.lti.*}).
 *
 * @param publicUrl the tool's public base URL, e.g. https://coachroom.district.org; when
 * empty it is taken from each request (behind a proxy, set
 * {@code server.forward-headers-strategy})
 * @param clockSkew tolerance for exp and iat; Moodle's tokens live only 60 s
 * @param loginStateTtl how long a login may take between initiation and launch
 * @param sessionTtl how long a launch keeps a browser signed in
 * @param maxIdTokenLength longer id_tokens are refused unread
 * @param registrationsFile JSON file of manually registered platforms, read at start-up
 * if present
 * @param jwks how platforms' key sets are fetched and trusted
 * @param keys the tool's own signing keys: rotation and encryption at rest
 * @param httpTimeout how long Coachroom waits to connect to an LMS and for each read of
 * its answer
 * @param registrationAllowedHosts hosts whose platforms may register dynamically, active
 * at once (each into a tenant of its own); others need an invitation
 * ({@code /lti/register?invite=...}) or open registration
 * @param allowPrivateNetwork whether Coachroom may call LMSs on loopback and private
 * addresses (an LMS on the same machine or network, as in development); off, no URL from
 * a registration or launch reaches them
 * @param httpDeadline the longest any one call to an LMS may take, whatever the LMS does
 * @param loginRate how many login initiations a client address and a platform may start
 * (each writes a row)
 * @param openRegistration whether an LMS neither listed nor invited may register; it then
 * waits for the operator's approval (PENDING), and its launches are refused until then.
 * Off by default: every registration is a tenant, and anyone on the internet could
 * otherwise make them
 * @param maxPendingRegistrations open registrations waiting for approval beyond which new
 * ones are refused
 * @param registrationInviteTtl how long a registration URL a district admin or the
 * operator issued works
 * @param operatorToken the secret that opens the operator's page ({@code /lti/operator}),
 * where pending registrations are approved and registration URLs for new districts
 * issued; unset, that page is closed
 */
@ConfigurationProperties("coachroom.lti")
public record LtiProperties(String publicUrl, @DefaultValue("10s") Duration clockSkew,
		@DefaultValue("10m") Duration loginStateTtl, @DefaultValue("8h") Duration sessionTtl,
		@DefaultValue("65536") int maxIdTokenLength,
		@DefaultValue("lti-config/registrations.json") String registrationsFile, @DefaultValue Jwks jwks,
		@DefaultValue Keys keys, @DefaultValue("10s") Duration httpTimeout, List<String> registrationAllowedHosts,
		boolean allowPrivateNetwork, @DefaultValue("20s") Duration httpDeadline, @DefaultValue LoginRate loginRate,
		boolean openRegistration, @DefaultValue("20") int maxPendingRegistrations,
		@DefaultValue("7d") Duration registrationInviteTtl, String operatorToken) {

	public LtiProperties {
		registrationAllowedHosts = registrationAllowedHosts == null ? List.of() : List.copyOf(registrationAllowedHosts);
		registrationInviteTtl = registrationInviteTtl == null ? Duration.ofDays(7) : registrationInviteTtl;
		operatorToken = operatorToken == null || operatorToken.isBlank() ? null : operatorToken.trim();
	}

	/**
	 * @param cacheTtl how long a platform's key set is trusted before it is fetched again
	 * @param minRefreshInterval an unknown kid refetches the key set at most this often
	 * per platform
	 * @param maxSize the largest key set, in bytes, read from a platform; a larger one is
	 * refused
	 */
	public record Jwks(@DefaultValue("15m") Duration cacheTtl, @DefaultValue("30s") Duration minRefreshInterval,
			@DefaultValue("262144") int maxSize) {
	}

	/**
	 * @param rotationInterval how long a key signs before the next one takes over
	 * @param nextKeyLead how long the next key is published before it signs
	 * @param retiredGrace how long a retired key stays published
	 * @param encryptionSecret when set, private keys are encrypted under a key derived
	 * from it (the same on every node); keys stored otherwise are encrypted with it at
	 * the next start
	 * @param encryptionKeyFile without a secret, private keys are encrypted under a
	 * random key kept in this file, made on first start (every node needs the same file);
	 * application.properties puts it beside the embedded database's data
	 */
	public record Keys(@DefaultValue("90d") Duration rotationInterval, @DefaultValue("2d") Duration nextKeyLead,
			@DefaultValue("14d") Duration retiredGrace, String encryptionSecret,
			@DefaultValue("data/tool-key-encryption.key") String encryptionKeyFile) {
	}

	/**
	 * Token-bucket limits on login initiation; 0 turns a limit off.
	 *
	 * @param perAddress logins a second one client address may start, after its burst (a
	 * school's network)
	 * @param addressBurst logins one address may start at once (a class opening Coachroom
	 * together)
	 * @param perPlatform logins a second one platform may start, after its burst
	 * @param platformBurst logins one platform may start at once
	 */
	public record LoginRate(@DefaultValue("20") int perAddress, @DefaultValue("300") int addressBurst,
			@DefaultValue("500") int perPlatform, @DefaultValue("5000") int platformBurst) {
	}
}
