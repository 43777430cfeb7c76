package org.coachroom.lti.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which addresses Coachroom may call an LMS at: public ones, unless
 * {@code coachroom.lti.allow-private-network} says the LMS lives on a private network.
 * Everything a request from outside can make Coachroom fetch goes through
 * {@link LmsHttp}, which checks the very addresses it connects to with
 * {@link #isPrivate}, so a name that resolves differently the second time (DNS rebinding)
 * reaches nothing private.
 */
final class NetworkGuard {

	/**
	 * Address blocks that are not the public internet (IANA special-purpose registries,
	 * RFC 6890).
	 */
	private static final List<Block> NOT_PUBLIC = List.of(
			// IPv4
			Block.of("0.0.0.0/8"), Block.of("10.0.0.0/8"), Block.of("100.64.0.0/10"), Block.of("127.0.0.0/8"),
			Block.of("169.254.0.0/16"), Block.of("172.16.0.0/12"), Block.of("192.0.0.0/24"), Block.of("192.0.2.0/24"),
			Block.of("192.88.99.0/24"), Block.of("192.168.0.0/16"), Block.of("198.18.0.0/15"),
			Block.of("198.51.100.0/24"), Block.of("203.0.113.0/24"), Block.of("224.0.0.0/4"), Block.of("240.0.0.0/4"),
			// IPv6
			Block.of("::/128"), Block.of("::1/128"), Block.of("::ffff:0:0/96"), Block.of("64:ff9b::/96"),
			Block.of("64:ff9b:1::/48"), Block.of("100::/64"), Block.of("2001:db8::/32"), Block.of("2002::/16"),
			Block.of("fc00::/7"), Block.of("fe80::/10"), Block.of("fec0::/10"), Block.of("ff00::/8"));

	private NetworkGuard() {
	}

	/**
	 * Refuses a URL whose host resolves to an address that is not public (a first, early
	 * answer for a person; {@link LmsHttp} checks again at connection time).
	 */
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
			throw new RefusedException(Refusal.REGISTRATION_PRIVATE_NETWORK,
					"The " + what + " (" + Logs.safe(uri.getHost())
							+ ") is on a private or local network address. Coachroom only calls "
							+ "LMSs on public addresses unless its operator sets coachroom.lti.allow-private-network.");
		}
	}

	/** Whether any address the host resolves to is not public. */
	static boolean onPrivateNetwork(String host) throws UnknownHostException {
		if (host == null) {
			throw new UnknownHostException("no host");
		}
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
		byte[] bytes = address.getAddress();
		for (Block block : NOT_PUBLIC) {
			if (block.contains(bytes)) {
				return true;
			}
		}
		// an IPv6 address carrying an IPv4 one (compatible ::a.b.c.d) is judged by the
		// IPv4 address
		if (address instanceof Inet6Address && isZero(bytes, 0, 12)) {
			return isPrivate(v4(bytes, 12));
		}
		return false;
	}

	private static boolean isZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static InetAddress v4(byte[] bytes, int offset) {
		try {
			return InetAddress
				.getByAddress(new byte[] { bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3] });
		}
		catch (UnknownHostException e) {
			throw new IllegalStateException(e);
		}
	}

	/** An address block in CIDR notation. */
	private record Block(byte[] prefix, int bits) {

		static Block of(String cidr) {
			int slash = cidr.indexOf('/');
			try {
				// literals only: no name is looked up
				InetAddress address = InetAddress.getByName(cidr.substring(0, slash));
				byte[] bytes = address.getAddress();
				if (cidr.startsWith("::ffff:") && address instanceof Inet4Address) {
					// Java folds ::ffff:0:0 into IPv4; keep the block as the 16 bytes it
					// is
					bytes = new byte[16];
					bytes[10] = (byte) 0xff;
					bytes[11] = (byte) 0xff;
				}
				return new Block(bytes, Integer.parseInt(cidr.substring(slash + 1)));
			}
			catch (UnknownHostException e) {
				throw new IllegalArgumentException(cidr, e);
			}
		}

		boolean contains(byte[] address) {
			if (address.length != prefix.length) {
				return false;
			}
			int full = bits / 8;
			for (int i = 0; i < full; i++) {
				if (address[i] != prefix[i]) {
					return false;
				}
			}
			int rest = bits % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xff << (8 - rest)) & 0xff;
			return (address[full] & mask) == (prefix[full] & mask);
		}
	}

}
