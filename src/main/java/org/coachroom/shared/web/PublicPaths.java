package org.coachroom.shared.web;

import java.util.List;

/**
 * Paths a module serves to people without a launch session, as a bean each module
 * contributes; the security configuration opens what every bean lists and asks a launch
 * session for everything else.
 *
 * @param open paths (Ant patterns) anyone may reach
 * @param crossSitePosts of those, the ones another site posts to by design (an LMS, a
 * server calling as an LMS would), which carry their own proof instead of a CSRF token
 */
public record PublicPaths(List<String> open, List<String> crossSitePosts) {

	public PublicPaths {
		open = List.copyOf(open);
		crossSitePosts = List.copyOf(crossSitePosts);
	}

	public static PublicPaths open(String... paths) {
		return new PublicPaths(List.of(paths), List.of());
	}

}
