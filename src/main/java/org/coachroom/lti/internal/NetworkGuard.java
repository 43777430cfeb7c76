package org.coachroom.lti.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Keeps dynamic registration from being a way into the server's own network: the URLs an anonymous
 * request makes Coachroom fetch must not resolve to loopback, link-local, private or multicast
 * addresses, unless {@code coachroom.lti.allow-private-network} says the LMS lives there.
 */
final class NetworkGuard {

	private NetworkGuard() {
	}

	static void requirePublic(URI uri, boolean allowPrivateNetwork, String what) {
		if (allowPrivateNetwork) {
			return;
		}
		boolean onPrivateNetwork;
		try {
			onPrivateNetwork = onPrivateNetwork(uri.getHost());
		}
		catch (UnknownHostException e) {
			throw new RefusedException(Refusal.REGISTRATION_CONFIGURATION_UNREADABLE,
					"The host of the " + what + " (" + Logs.safe(uri.getHost()) + ") is not known.");
		}
		if (onPrivateNetwork) {
			throw new RefusedException(Refusal.REGISTRATION_PRIVATE_NETWORK, "The " + what + " is on a private "
					+ "or local network address; Coachroom only registers LMSs on public addresses unless "
					+ "coachroom.lti.allow-private-network is set.");
		}
	}

	/** Whether any address the host resolves to is loopback, link-local, private or multicast. */
	static boolean onPrivateNetwork(String host) throws UnknownHostException {
		for (InetAddress address : InetAddress.getAllByName(host)) {
			if (isPrivate(address)) {
				return true;
			}
		}
		return false;
	}

	static boolean isPrivate(InetAddress address) {
		if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		// IPv6 unique local addresses (fc00::/7) are not "site local" to Java.
		return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
	}
}
